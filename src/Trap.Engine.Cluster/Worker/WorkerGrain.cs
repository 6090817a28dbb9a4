using Orleans.Concurrency;
using Trap.Engine.Cluster.Wire;

namespace Trap.Engine.Cluster.Worker;

/// <summary>Runs requests on the thread pool, at most <see cref="WorkerSlots.Cores"/> at once.</summary>
[Reentrant]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    private readonly TaskRunner _runner;
    private readonly WorkerSlots _slots;

    public WorkerGrain(TaskRunner runner, WorkerSlots slots)
    {
        _runner = runner;
        _slots = slots;
    }

    public Task<WorkerDescription> Describe() =>
        Task.FromResult(new WorkerDescription(Environment.MachineName, Environment.ProcessId, _slots.Cores));

    public Task<MapReply> Map(MapRequest request) => _slots.RunAsync(() => _runner.RunMap(request));
}
