using System.Net;
using Orleans.Runtime;
using Trap.Engine.Cluster.Status;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Driver;

/// <summary>
/// The live workers as the membership table lists them (status Active). Read straight from the
/// database, so the answer never waits on a worker that is dying (a cluster call may be routed to it).
/// </summary>
public sealed class MembershipWorkerDirectory : IWorkerDirectory
{
    private readonly DatabaseSettings _database;
    private readonly string _clusterId;

    public MembershipWorkerDirectory(DatabaseSettings database, string clusterId)
    {
        _database = database;
        _clusterId = clusterId;
    }

    public async Task<IReadOnlyList<string>> LiveWorkersAsync(CancellationToken cancellation)
    {
        var rows = await ClusterStatusReader.LiveWorkersAsync(_database, _clusterId, cancellation);
        return rows
            .Select(r => SiloAddress.New(IPAddress.Parse(r.Address), r.Port, r.Generation).ToParsableString())
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
    }
}
