namespace Trap.Engine.Cluster.Driver;

/// <summary>How the driver spreads tasks over workers and reacts when one fails.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Tasks in flight per worker at most (spark-submit's --executor-cores).</summary>
    public int ExecutorCores { get; init; } = 2;

    /// <summary>Attempts of one task (first run plus re-runs after worker failures) before the job fails.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>How often the live-worker list is re-read (new workers take work; lost ones give theirs back).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A worker whose call failed gets no new task for this long (it is probably dying).</summary>
    public TimeSpan Quarantine { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stage waits for a first live worker before the job fails.</summary>
    public TimeSpan NoWorkerTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
