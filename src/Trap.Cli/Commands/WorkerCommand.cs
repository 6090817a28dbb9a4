using Trap.Engine.Cluster.Worker;

namespace Trap.Cli.Commands;

/// <summary>`trap worker`: joins a cluster and runs the tasks drivers send, until stopped.</summary>
public sealed class WorkerCommand : ICliCommand
{
    public string Name => "worker";

    public string Summary => "join a cluster as a worker: --cluster-id ID --db CONNSTRING [--cores N] [--port P]";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "cluster-id", "db", "cores", "port", "gateway-port", "address", "assembly" });
        InlinePassword.WarnIfAny(Name, "--db", parsed.Get("db"));
        var options = Parse(parsed);
        WorkerHost.RunAsync(options, Console.Out).GetAwaiter().GetResult();
        return 0;
    }

    private static WorkerOptions Parse(CliArguments args)
    {
        var port = ClusterCommand.AtLeast(args, "port", 0, 0);
        return new WorkerOptions
        {
            ClusterId = ClusterCommand.Required(args, "cluster-id", null),
            ConnectionString = ClusterCommand.Required(args, "db", Environment.GetEnvironmentVariable("TRAP_DATABASE_URL")),
            Cores = ClusterCommand.AtLeast(args, "cores", Environment.ProcessorCount, 1),
            SiloPort = port,
            // Next to the silo port by default, so one --port per worker on a shared host is enough.
            GatewayPort = ClusterCommand.AtLeast(args, "gateway-port", port > 0 ? port + 1 : 0, 0),
            Address = args.Get("address"),
            Assemblies = args.GetAll("assembly"),
        };
    }
}
