using Orleans.Configuration;
using Orleans.Hosting;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster;

/// <summary>
/// Settings every Trap cluster process shares: the Orleans service id, the ADO.NET invariant of the
/// membership database, and failure detection tuned for batch jobs (a dead worker is declared dead
/// within a few seconds, not Orleans' default ~15 s, so its tasks are re-run sooner).
/// </summary>
public static class ClusterSettings
{
    public const string ServiceId = "trap";
    public const string Invariant = "Npgsql";

    public static void ApplyMembership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }

    public static void ApplyClient(IClientBuilder client, string clusterId, DatabaseSettings database, TimeSpan taskTimeout)
    {
        client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = ServiceId; });
        client.UseAdoNetClustering(o => { o.Invariant = Invariant; o.ConnectionString = database.ConnectionString; });
        // New workers become gateways the driver can use within a second.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = taskTimeout);
    }
}
