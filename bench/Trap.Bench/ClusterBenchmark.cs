using System.Diagnostics;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Bench;

/// <summary>
/// cluster: the whole job on the cluster engine against local[N] on the same survey, each as a
/// `trap run` process: `cluster [--fields 1] [--bands 1] [--timesteps 200] [--size 1024]
/// [--workers 2] [--executor-cores 1]`. Starts the workers here (each `trap worker --cores
/// executor-cores`), times local[workers × executor-cores] and the cluster run, prints the ratio of
/// their wall times, the driver's peak memory, and checks the two datasets are identical table by
/// table. Needs PostgreSQL: TRAP_DATABASE_URL, else cluster/postgres.sh start.
/// Targets: wall time ≤ 1.15× local's; driver peak RSS ≤ 300 MB.
/// </summary>
public static class ClusterBenchmark
{
    public static int Run(string[] args)
    {
        var fields = Option(args, "--fields", 1);
        var bands = Option(args, "--bands", 1);
        var timesteps = Option(args, "--timesteps", 200);
        var size = Option(args, "--size", 1024);
        var workers = Option(args, "--workers", 2);
        var cores = Option(args, "--executor-cores", 1);
        var job = BenchSurveys.Job(fields, bands, timesteps, size);
        var root = TrapProcess.RepositoryRoot();
        var db = Environment.GetEnvironmentVariable("TRAP_DATABASE_URL") ?? TrapProcess.Shell(Path.Combine(root, "cluster", "postgres.sh"), "start").Trim().Split('\n')[^1];
        var images = fields * bands * timesteps;
        Console.WriteLine($"cluster: {images} images of {size}² ({fields} fields x {bands} bands x {timesteps} timesteps); {workers} workers x {cores} cores vs local[{workers * cores}]");

        var localOut = Path.Combine(job, "out-local");
        var local = TrapProcess.Run("run", job, "--output", localOut, "--master", $"local[{workers * cores}]", "--no-database");
        Console.WriteLine($"  local[{workers * cores}]: {local.WallSeconds:F1} s wall, {local.CpuSeconds:F1} s CPU, peak RSS {local.MaxRssMb:F0} MB");

        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var started = new List<Process>();
        try
        {
            for (var n = 0; n < workers; n++)
            {
                started.Add(TrapProcess.Start("worker", "--cluster-id", clusterId, "--db", db, "--cores", cores.ToString(), "--address", "127.0.0.1"));
            }
            WaitForWorkers(db, clusterId, workers);
            var clusterOut = Path.Combine(job, "out-cluster");
            var cluster = TrapProcess.Run("run", job, "--output", clusterOut, "--master", "trap://" + clusterId, "--conf", "trap.db=" + db,
                "--executor-cores", cores.ToString(), "--no-database");
            Console.WriteLine($"  cluster {workers}x{cores}: {cluster.WallSeconds:F1} s wall, driver {cluster.CpuSeconds:F1} s CPU, driver peak RSS {cluster.MaxRssMb:F0} MB");
            Console.WriteLine($"  ratio cluster/local wall time: {cluster.WallSeconds / local.WallSeconds:F2} (target <= 1.15); driver RSS {cluster.MaxRssMb:F0} MB (target <= 300)");
            var same = DatasetComparer.CompareAsync(localOut, clusterOut).GetAwaiter().GetResult().All(d => d.Same);
            Console.WriteLine($"  datasets identical table by table: {(same ? "yes" : "NO")}");
            return same ? 0 : 1;
        }
        finally
        {
            foreach (var worker in started)
            {
                worker.Kill(entireProcessTree: true);
                worker.WaitForExit();
            }
        }
    }

    private static void WaitForWorkers(string connectionString, string clusterId, int count)
    {
        var db = Trap.Storage.Connection.DatabaseSettings.Parse(connectionString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Trap.Engine.Cluster.Status.ClusterStatusReader.EnsureSchemaAsync(db).GetAwaiter().GetResult();
        while (Trap.Engine.Cluster.Status.ClusterStatusReader.LiveWorkersAsync(db, clusterId).GetAwaiter().GetResult().Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{count} worker(s) did not join cluster {clusterId} within 60 s");
            Thread.Sleep(200);
        }
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
