using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Planning;

namespace Trap.Pipeline;

/// <summary>
/// A job before any work: its configuration, the images its glob matched, the output it would write
/// and (once the headers are read) the plan; <see cref="Plan"/> is null until then.
/// </summary>
public sealed record JobPreview(
    string JobFile,
    string OutputFolder,
    JobContext Context,
    JobConfig Config,
    IReadOnlyList<MonitorList.Entry> Monitors,
    IReadOnlyList<string> MatchedImages,
    JobPlan? Plan);
