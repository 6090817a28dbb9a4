using System.Globalization;
using Trap.Engine.Cluster.Status;

namespace Trap.Cli.Commands;

/// <summary>`trap cluster status`: the live workers of a cluster and the progress of its jobs.</summary>
public sealed class ClusterCommand : ICliCommand
{
    public string Name => "cluster";

    public string Summary => "cluster status --cluster-id ID [--db CONNSTRING]: live workers and job progress";

    public int Run(IReadOnlyList<string> args)
    {
        var options = CliArguments.Parse(args, new[] { "cluster-id", "db", "jobs" });
        InlinePassword.WarnIfAny(Name, "--db", options.Get("db"));
        if (options.Positionals is not ["status"])
        {
            throw new CliUsageException("usage: trap cluster status --cluster-id ID [--db CONNSTRING] [--jobs N]");
        }
        var clusterId = Required(options, "cluster-id", null);
        var db = Required(options, "db", Environment.GetEnvironmentVariable("TRAP_DATABASE_URL"));
        ClusterStatusReader.EnsureSchemaAsync(db).GetAwaiter().GetResult();
        var workers = ClusterStatusReader.LiveWorkersAsync(db, clusterId).GetAwaiter().GetResult();
        var jobs = ClusterStatusReader.JobsAsync(db, clusterId, AtLeast(options, "jobs", 10, 1)).GetAwaiter().GetResult();
        Print(clusterId, workers, jobs, DateTime.UtcNow);
        return 0;
    }

    /// <summary>An option that must be given (or have a fallback, such as an environment variable).</summary>
    internal static string Required(CliArguments args, string name, string? fallback) =>
        args.Get(name) ?? fallback ?? throw new CliUsageException($"option --{name} is required");

    internal static int AtLeast(CliArguments args, string name, int fallback, int minimum)
    {
        var value = args.GetInt(name, fallback);
        return value >= minimum ? value : throw new CliUsageException($"option --{name} must be at least {minimum}, got {value}");
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
