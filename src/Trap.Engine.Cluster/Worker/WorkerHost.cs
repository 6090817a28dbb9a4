using System.Runtime.Loader;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trap.Engine.Cluster.Membership;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Worker;

/// <summary>Runs one worker process until it is stopped (Ctrl+C or SIGTERM leave the cluster cleanly).</summary>
public static class WorkerHost
{
    public static async Task RunAsync(WorkerOptions options, TextWriter log, CancellationToken cancellation = default)
    {
        foreach (var path in options.Assemblies)
        {
            if (!File.Exists(path))
            {
                throw new ClusterException($"task assembly '{path}' does not exist; give --assembly the path of a built .dll");
            }
            AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
        }
        await MembershipSchema.EnsureAsync(options.Database, cancellation);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.UseOrleans(silo => silo.ConfigureTrapWorker(options));
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        log.WriteLine($"trap worker: joined cluster '{options.ClusterId}' with {options.Cores} cores (pid {Environment.ProcessId})");
        await host.WaitForShutdownAsync(cancellation);
    }
}
