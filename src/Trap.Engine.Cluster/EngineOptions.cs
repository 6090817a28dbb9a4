using Microsoft.Extensions.Logging;

namespace Trap.Engine.Cluster;

/// <summary>spark-submit-like settings of a run: --executor-cores and the --conf key=value pairs.</summary>
public sealed record EngineOptions
{
    /// <summary>Tasks at once per worker (cluster); null: 2 on a cluster.</summary>
    public int? ExecutorCores { get; init; }

    /// <summary>--conf pairs the engines read (<see cref="ConfKeys"/>; other keys are refused).</summary>
    public IReadOnlyDictionary<string, string> Conf { get; init; } = new Dictionary<string, string>();

    /// <summary>The least severe message of the cluster's libraries (Orleans) shown on the console (--log-level).</summary>
    public LogLevel LogLevel { get; init; } = ClusterLogging.DefaultLevel;
}
