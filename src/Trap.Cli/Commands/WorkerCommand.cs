using Trap.Engine.Cluster;
using Trap.Engine.Cluster.Worker;

namespace Trap.Cli.Commands;

/// <summary>`trap worker`: joins a cluster and runs the tasks drivers send, until stopped.</summary>
public sealed class WorkerCommand : ICliCommand
{
    public string Name => "worker";

    public string Summary => "join a cluster as a worker: --cluster-id ID --db CONNSTRING [--cores N] [--port P]";

    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            var options = Parse(new CommandArgs(args, "trap worker",
                "cluster-id", "db", "cores", "port", "gateway-port", "address", "assembly"));
            WorkerHost.RunAsync(options, Console.Out).GetAwaiter().GetResult();
            return 0;
        }
        catch (Exception e) when (e is UsageException or ClusterException)
        {
            Console.Error.WriteLine(e.Message);
            return e is UsageException ? 2 : 1;
        }
    }

    private static WorkerOptions Parse(CommandArgs args)
    {
        var port = args.Integer("port", 0, 0);
        return new WorkerOptions
        {
            ClusterId = args.Required("cluster-id"),
            ConnectionString = args.Required("db", Environment.GetEnvironmentVariable("TRAP_DATABASE_URL")),
            Cores = args.Integer("cores", Environment.ProcessorCount, 1),
            SiloPort = port,
            // Next to the silo port by default, so one --port per worker on a shared host is enough.
            GatewayPort = args.Integer("gateway-port", port > 0 ? port + 1 : 0, 0),
            Address = args.Value("address"),
            Assemblies = args.Values("assembly"),
        };
    }
}
