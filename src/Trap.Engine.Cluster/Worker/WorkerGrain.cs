using Orleans.Concurrency;
using Trap.Engine.Cluster.Wire;

namespace Trap.Engine.Cluster.Worker;

/// <summary>Runs requests on the thread pool, at most <see cref="WorkerSlots.Cores"/> at once.</summary>
[Reentrant]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    private readonly TaskRunner _runner;
    private readonly StickyReducer _sticky;
    private readonly WorkerSlots _slots;

    public WorkerGrain(TaskRunner runner, StickyReducer sticky, WorkerSlots slots)
    {
        _runner = runner;
        _sticky = sticky;
        _slots = slots;
    }

    public Task<WorkerDescription> Describe() =>
        Task.FromResult(new WorkerDescription(Environment.MachineName, Environment.ProcessId, _slots.Cores));

    public Task<MapReply> Map(MapRequest request) => _slots.RunAsync(() => _runner.RunMap(request));

    public Task<ReduceReply> Reduce(ReduceRequest request) => _slots.RunAsync(() => _runner.RunReduce(request));

    public Task<StickyReduceReply> ReduceSticky(StickyReduceRequest request) => _slots.RunAsync(() => _sticky.Run(request));

    public Task ForgetJob(string jobId)
    {
        _sticky.Forget(jobId);
        return Task.CompletedTask;
    }
}
