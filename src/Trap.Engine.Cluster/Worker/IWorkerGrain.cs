using Trap.Engine.Cluster.Wire;

namespace Trap.Engine.Cluster.Worker;

/// <summary>
/// One per worker process (keyed by its silo address; the driver places it there with a placement
/// hint). Thin: it admits at most the worker's cores of requests at once and hands them to
/// <see cref="TaskRunner"/>.
/// </summary>
public interface IWorkerGrain : IGrainWithStringKey
{
    Task<WorkerDescription> Describe();

    Task<MapReply> Map(MapRequest request);

}
