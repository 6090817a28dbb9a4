using System.Collections.Concurrent;
using Trap.Engine;

namespace Trap.Pipeline.Configuration;

/// <summary>Parses a job context's configuration once per process (tasks run many times per job).</summary>
public static class JobConfigCache
{
    private static readonly ConcurrentDictionary<string, JobConfig> Parsed = new();

    public static JobConfig Get(JobContext context) =>
        Parsed.GetOrAdd(context.ConfigText, text => JobConfig.Parse(text, context.ConfigSource));
}
