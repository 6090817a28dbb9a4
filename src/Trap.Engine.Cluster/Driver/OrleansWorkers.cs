using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Trap.Engine.Cluster.Wire;
using Trap.Engine.Cluster.Worker;

namespace Trap.Engine.Cluster.Driver;

/// <summary>
/// The live workers of an Orleans cluster (its active silos) and calls to the worker grain on one of
/// them: the grain is keyed by the silo's address and placed there with a placement hint.
/// </summary>
public sealed class OrleansWorkers : IWorkerDirectory
{
    private readonly IClusterClient _client;

    public OrleansWorkers(IClusterClient client)
    {
        _client = client;
    }

    public async Task<IReadOnlyList<string>> LiveWorkersAsync(CancellationToken cancellation)
    {
        var hosts = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Where(h => h.Value == SiloStatus.Active).Select(h => h.Key.ToParsableString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    public Task<MapReply> MapAsync(string worker, MapRequest request) => On(worker, grain => grain.Map(request));

    public Task<ReduceReply> ReduceAsync(string worker, ReduceRequest request) => On(worker, grain => grain.Reduce(request));

    public Task<WorkerDescription> DescribeAsync(string worker) => On(worker, grain => grain.Describe());

    private async Task<T> On<T>(string worker, Func<IWorkerGrain, Task<T>> call)
    {
        // The hint lives in this call's async flow only; it decides where the grain is activated.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloAddress.FromParsableString(worker));
        try
        {
            return await call(_client.GetGrain<IWorkerGrain>(worker));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }
}
