namespace Trap.Engine.Cluster;

/// <summary>spark-submit-like settings of a run: --executor-cores and the --conf key=value pairs.</summary>
public sealed record EngineOptions
{
    /// <summary>Tasks at once per worker (cluster); null: 2 on a cluster.</summary>
    public int? ExecutorCores { get; init; }

    /// <summary>
    /// --conf pairs the engines read: trap.db (cluster database; default TRAP_DATABASE_URL),
    /// trap.task.timeoutSeconds, trap.task.maxAttempts, trap.cluster.waitForWorkersSeconds.
    /// </summary>
    public IReadOnlyDictionary<string, string> Conf { get; init; } = new Dictionary<string, string>();
}
