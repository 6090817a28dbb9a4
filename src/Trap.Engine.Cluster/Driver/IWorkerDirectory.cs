namespace Trap.Engine.Cluster.Driver;

/// <summary>The workers a driver may send tasks to right now (the cluster's live members).</summary>
public interface IWorkerDirectory
{
    /// <summary>Ids of the live workers; a worker that died or left is no longer listed.</summary>
    Task<IReadOnlyList<string>> LiveWorkersAsync(CancellationToken cancellation);
}
