using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Trap.Engine.Cluster.Wire;
using Trap.Engine.Cluster.Worker;

namespace Trap.Engine.Cluster.Driver;

/// <summary>
/// Calls to the worker grain of one worker (silo): the grain is keyed by the silo's address and
/// placed there with a placement hint. Also lists the active silos as the cluster itself reports them
/// (for clusters without a membership database, such as the in-process test cluster); that call can
/// be routed to a dying silo, so it gives up after <see cref="ListTimeout"/> and keeps the last list.
/// </summary>
public sealed class OrleansWorkers : IWorkerDirectory
{
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(3);

    private readonly IClusterClient _client;
    private IReadOnlyList<string> _lastList = Array.Empty<string>();

    public OrleansWorkers(IClusterClient client)
    {
        _client = client;
    }

    public async Task<IReadOnlyList<string>> LiveWorkersAsync(CancellationToken cancellation)
    {
        try
        {
            var hosts = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ListTimeout, cancellation);
            _lastList = hosts.Where(h => h.Value == SiloStatus.Active).Select(h => h.Key.ToParsableString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // Keep the last list: calls to a dead worker fail and its tasks go elsewhere anyway.
        }
        return _lastList;
    }

    public Task<MapReply> MapAsync(string worker, MapRequest request) => On(worker, grain => grain.Map(request));


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
