using System.Collections.Concurrent;
using Trap.Engine;

namespace Trap.Pipeline.Configuration;

/// <summary>
/// Parses a job context's configuration once per process (tasks run many times per job). Keyed by
/// the configuration text, so jobs never share settings; a long-lived worker keeps the last few jobs'
/// only (a job's text is small, but a worker may serve many jobs).
/// </summary>
public static class JobConfigCache
{
    private const int MaxJobs = 16;
    private static readonly ConcurrentDictionary<string, JobConfig> Parsed = new();

    public static JobConfig Get(JobContext context)
    {
        if (Parsed.TryGetValue(context.ConfigText, out var config)) return config;
        if (Parsed.Count >= MaxJobs) Parsed.Clear();
        return Parsed.GetOrAdd(context.ConfigText, text => JobConfig.Parse(text, context.ConfigSource));
    }
}
