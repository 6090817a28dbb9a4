using System.CommandLine;
using System.Globalization;
using Trap.Engine.Cluster.Status;
using Trap.Storage.Connection;

namespace Trap.Cli.Commands;

/// <summary>`trap cluster status`: the live workers of a cluster and the progress of its jobs.</summary>
public static class ClusterCommand
{
    public static Command Create() => new("cluster", "a cluster of workers") { Status() };

    /// <summary>--cluster-id ID: which cluster (workers and drivers sharing one membership database).</summary>
    internal static Option<string> ClusterId() => new("--cluster-id") { Description = "the cluster's name", HelpName = "ID", Required = true };

    /// <summary>--db CONN: the cluster's membership database, else $TRAP_DATABASE_URL.</summary>
    internal static Option<string?> MembershipDatabase() => new("--db")
    {
        Description = "the cluster's PostgreSQL database, a connection string or postgresql:// URL (default: $TRAP_DATABASE_URL; keep the password in PGPASSWORD or PGPASSFILE)",
        HelpName = "CONNSTRING",
    };

    /// <summary>The membership database from --db or the environment (a connection string or postgresql:// URL); a usage error when neither is set.</summary>
    internal static DatabaseSettings MembershipDatabase(ParseResult parse, Option<string?> db)
    {
        var value = parse.GetValue(db);
        InlinePassword.WarnIfAny(parse.CommandResult.Command.Name, "--db", value);
        var text = value ?? Environment.GetEnvironmentVariable(DatabaseSettings.EnvironmentVariable)
                   ?? throw new CliUsageException($"option --db is required (or set {DatabaseSettings.EnvironmentVariable})");
        return DatabaseSettings.Parse(text);
    }

    private static Command Status()
    {
        var clusterId = ClusterId();
        var db = MembershipDatabase();
        var jobs = new Option<int>("--jobs") { Description = "how many recent jobs to list", HelpName = "N", DefaultValueFactory = _ => 10 }.AtLeast(1);
        var command = new Command("status", "live workers and job progress") { clusterId, db, jobs };
        command.SetAction(async (parse, cancellation) =>
        {
            var id = parse.GetValue(clusterId)!;
            var database = MembershipDatabase(parse, db);
            await ClusterStatusReader.EnsureSchemaAsync(database);
            var workers = await ClusterStatusReader.LiveWorkersAsync(database, id);
            var recent = await ClusterStatusReader.JobsAsync(database, id, parse.GetValue(jobs));
            Print(id, workers, recent, DateTime.UtcNow);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(string clusterId, IReadOnlyList<WorkerRow> workers, IReadOnlyList<JobRow> jobs, DateTime now)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"cluster {clusterId}: {workers.Count} live worker(s)");
        foreach (var w in workers)
        {
            Console.WriteLine(string.Format(c, "  {0,-40} {1}:{2} (gateway {3})  up {4:0}s  last alive {5:0.0}s ago",
                w.Name, w.Address, w.Port, w.GatewayPort, (now - w.StartedUtc).TotalSeconds, (now - w.LastAliveUtc).TotalSeconds));
        }
        Console.WriteLine($"jobs ({jobs.Count}):");
        foreach (var j in jobs)
        {
            var percent = j.TasksTotal > 0 ? 100.0 * j.TasksDone / j.TasksTotal : 0;
            var end = j.State == "running" ? now : j.UpdatedUtc;
            Console.WriteLine(string.Format(c, "  {0} {1,-20} {2,-9} started {3:yyyy-MM-dd HH:mm:ss}Z  {4:0.0}s  {5} {6}/{7} tasks ({8:0}%)  retries {9}  driver {10}",
                j.JobId.ToString("N")[..8], j.JobName, j.State, j.StartedUtc, (end - j.StartedUtc).TotalSeconds, j.Stage, j.TasksDone, j.TasksTotal,
                percent, j.Retries, j.DriverHost));
            if (j.DriverLost)
            {
                Console.WriteLine(string.Format(c, "      driver lost: no word from {0} for {1:0}s (the driver process died or lost the database)",
                    j.DriverHost, (now - j.UpdatedUtc).TotalSeconds));
            }
            if (j.StageTimings.Length > 0) Console.WriteLine($"      stages: {j.StageTimings}");
            foreach (var failure in j.Failures.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine($"      failed: {failure}");
        }
    }
}
