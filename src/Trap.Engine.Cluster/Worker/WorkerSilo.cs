using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Worker;

/// <summary>Turns an Orleans silo into a Trap worker: the worker grain's services, and cluster wiring.</summary>
public static class WorkerSilo
{
    /// <summary>Services of the worker grain only (what the in-process test cluster adds to its silos).</summary>
    public static ISiloBuilder AddTrapWorker(this ISiloBuilder silo, int cores)
    {
        silo.Services.AddSingleton(new WorkerSlots(cores));
        silo.Services.AddSingleton<TaskRunner>();
        return silo;
    }

    /// <summary>A full worker: joins the cluster through the PostgreSQL membership table.</summary>
    public static ISiloBuilder ConfigureTrapWorker(this ISiloBuilder silo, WorkerOptions options)
    {
        var address = options.Address is null ? DefaultAddress() : IPAddress.Parse(options.Address);
        var siloPort = options.SiloPort > 0 ? options.SiloPort : FreePort();
        var gatewayPort = options.GatewayPort > 0 ? options.GatewayPort : FreePort();
        silo.Configure<ClusterOptions>(o => { o.ClusterId = options.ClusterId; o.ServiceId = ClusterSettings.ServiceId; });
        silo.UseAdoNetClustering(o => { o.Invariant = ClusterSettings.Invariant; o.ConnectionString = options.Database.ConnectionString; });
        silo.Configure<ClusterMembershipOptions>(ClusterSettings.ApplyMembership);
        silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: true);
        silo.Configure<SiloOptions>(o => o.SiloName = $"trap-worker-{Environment.MachineName}-{Environment.ProcessId}");
        return silo.AddTrapWorker(options.Cores);
    }

    private static IPAddress DefaultAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
