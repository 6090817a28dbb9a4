namespace Trap.Engine.Cluster.Driver;

/// <summary>Where a stage stands: tasks finished of all, and tasks re-run after a worker failed.</summary>
public sealed record StageProgress(string Stage, int Done, int Total, int Retries);
