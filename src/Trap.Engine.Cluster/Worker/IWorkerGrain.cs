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

    Task<ReduceReply> Reduce(ReduceRequest request);

    /// <summary>A reduce round whose states this worker holds (see <see cref="StickyReducer"/>).</summary>
    Task<StickyReduceReply> ReduceSticky(StickyReduceRequest request);

    /// <summary>Drops the states this worker holds for a job.</summary>
    Task ForgetJob(string jobId);
}
