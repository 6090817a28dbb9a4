using System.CommandLine;
using Trap.Engine.Cluster.Worker;

namespace Trap.Cli.Commands;

/// <summary>`trap worker`: joins a cluster and runs the tasks drivers send, until stopped (Ctrl-C or SIGTERM).</summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var clusterId = ClusterCommand.ClusterId();
        var db = ClusterCommand.MembershipDatabase();
        var cores = new Option<int>("--cores") { Description = "tasks at once", HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount }.AtLeast(1);
        var port = new Option<int>("--port") { Description = "silo port (0: any free port)", HelpName = "P" }.AtLeast(0);
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "gateway port (default: --port + 1, or any free port)", HelpName = "P" }.AtLeast(0);
        var address = new Option<string?>("--address") { Description = "the address other nodes reach this worker at (default: this host's)", HelpName = "HOST" };
        var assembly = new Option<string[]>("--assembly") { Description = "an assembly with more task types to load (repeatable)", HelpName = "PATH" };
        var logLevel = CliOptions.LogLevel();
        var command = new Command("worker", "join a cluster as a worker and run its tasks until stopped")
        {
            clusterId, db, cores, port, gatewayPort, address, assembly, logLevel,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var silo = parse.GetValue(port);
            var options = new WorkerOptions
            {
                ClusterId = parse.GetValue(clusterId)!,
                Database = ClusterCommand.MembershipDatabase(parse, db),
                Cores = parse.GetValue(cores),
                SiloPort = silo,
                // Next to the silo port by default, so one --port per worker on a shared host is enough.
                GatewayPort = parse.GetValue(gatewayPort) ?? (silo > 0 ? silo + 1 : 0),
                Address = parse.GetValue(address),
                Assemblies = parse.GetValue(assembly) ?? [],
                LogLevel = parse.GetValue(logLevel),
            };
            await WorkerHost.RunAsync(options, Console.Out, cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
