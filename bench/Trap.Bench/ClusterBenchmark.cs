using System.Diagnostics;
using Trap.Engine;
using Trap.Engine.Cluster;
using Trap.Engine.Cluster.Driver;

namespace Trap.Bench;

/// <summary>
/// The cluster engine against the local engine on the same synthetic job: `cluster [--timesteps 6]
/// [--images 12] [--work-ms 40] [--buckets 64] [--executor-cores 2] [--max-workers 3]`. Per timestep,
/// a CPU-bound map over `images` images (each a fixed amount of arithmetic that takes about `work-ms`
/// on one idle core, emitting 300 sources
/// spread over `buckets` sky buckets) and a stateful keyed reduce by bucket (a running mean per bucket).
/// Runs it on LocalEngine (all cores), then on 1, 2, 3 `trap worker` processes started here (each
/// with --executor-cores slots), after one warm-up timestep each; checks every output equals the
/// local engine's. Needs PostgreSQL: TRAP_DATABASE_URL, else cluster/postgres.sh start.
/// </summary>
public static class ClusterBenchmark
{
    /// <summary>An image to "process": <c>Blocks</c> fixed blocks of arithmetic (a fixed amount of CPU, not of time).</summary>
    public sealed record Image(int Timestep, int Index, int Blocks, int Buckets);

    public sealed record Source(int Bucket, int Timestep, int Image, double Flux);

    /// <summary>Stands in for ingest + extraction: seconds of arithmetic, then the image's sources.</summary>
    public sealed class Extract : IMapTask<Image, Source[]>
    {
        public Source[] Run(Image image, JobContext context)
        {
            var rng = new Random(image.Timestep * 10_007 + image.Index);
            var acc = Work(image.Blocks);
            return Enumerable.Range(0, 300)
                .Select(_ => new Source(rng.Next(image.Buckets), image.Timestep, image.Index, rng.NextDouble() + (acc > 1e300 ? 1 : 0)))
                .ToArray();
        }
    }

    private static double Work(int blocks)
    {
        var acc = 0.0;
        for (var b = 0; b < blocks; b++)
        {
            for (var i = 1; i < 20_000; i++)
            {
                acc += Math.Sqrt(i) * Math.Sin(i);
            }
        }
        return acc;
    }

    /// <summary>Blocks of <see cref="Work"/> that take about <paramref name="ms"/> on one core of this machine.</summary>
    private static int Calibrate(int ms)
    {
        Work(20);
        var clock = Stopwatch.StartNew();
        Work(50);
        return Math.Max(1, (int)(ms * 50 / clock.Elapsed.TotalMilliseconds));
    }

    public sealed class BucketState
    {
        public int Count { get; set; }

        public double Mean { get; set; }
    }

    /// <summary>Stands in for association: a running mean per bucket, one output per bucket per timestep.</summary>
    public sealed class Associate : IReduceTask<int, Source, BucketState, (int Bucket, int Count, double Mean)>
    {
        public BucketState CreateState(int key, JobContext context) => new();

        public IEnumerable<(int Bucket, int Count, double Mean)> Reduce(int key, BucketState state, IReadOnlyList<Source> records, JobContext context)
        {
            foreach (var source in records)
            {
                state.Count++;
                state.Mean += (source.Flux - state.Mean) / state.Count;
            }
            yield return (key, state.Count, state.Mean);
        }
    }

    private static readonly IComparer<Source> ByTime = Comparer<Source>.Create((a, b) =>
        (a.Timestep, a.Image, a.Flux).CompareTo((b.Timestep, b.Image, b.Flux)));

    public static int Run(string[] args)
    {
        var timesteps = Option(args, "--timesteps", 6);
        var images = Option(args, "--images", 12);
        var workMs = Option(args, "--work-ms", 40);
        var buckets = Option(args, "--buckets", 64);
        var executorCores = Option(args, "--executor-cores", 2);
        var maxWorkers = Option(args, "--max-workers", 3);
        return RunAsync(timesteps, images, workMs, buckets, executorCores, maxWorkers).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int timesteps, int images, int workMs, int buckets, int executorCores, int maxWorkers)
    {
        var total = timesteps * images;
        var blocks = Calibrate(workMs);
        Console.WriteLine($"cluster: {timesteps} timesteps x {images} images, ~{workMs} ms CPU per image, 300 sources per image into {buckets} buckets; " +
                          $"{Environment.ProcessorCount} cores on this machine");
        var (localSeconds, expected) = await TimeAsync(new LocalEngine(), timesteps, images, blocks, buckets);
        Console.WriteLine($"  local engine ({Environment.ProcessorCount} cores): {total / localSeconds,7:F1} images/s ({localSeconds:F2} s)");

        var root = RepositoryRoot();
        var db = Environment.GetEnvironmentVariable("TRAP_DATABASE_URL") ?? Shell(Path.Combine(root, "cluster", "postgres.sh"), "start").Trim().Split('\n')[^1];
        Shell(Path.Combine(root, "trap"), "help");
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var workers = new List<Process>();
        try
        {
            for (var n = 1; n <= maxWorkers; n++)
            {
                workers.Add(StartWorker(root, clusterId, db, executorCores));
                await WaitForWorkersAsync(db, clusterId, n);
                var options = new ClusterEngineOptions
                {
                    ClusterId = clusterId,
                    ConnectionString = db,
                    Scheduler = new SchedulerOptions { ExecutorCores = executorCores },
                };
                var (seconds, outputs) = await TimeAsync(new ClusterEngine(options), timesteps, images, blocks, buckets);
                var same = outputs.SequenceEqual(expected);
                Console.WriteLine($"  cluster engine, {n} worker(s) x {executorCores} executor cores: {total / seconds,7:F1} images/s ({seconds:F2} s), " +
                                  $"{seconds / localSeconds:F2}x the local engine's time; output identical to local: {(same ? "yes" : "NO")}");
                if (!same)
                {
                    return 1;
                }
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Kill(entireProcessTree: true);
                worker.WaitForExit();
            }
        }
        return 0;
    }

    /// <summary>Runs one warm-up timestep (JIT, connection), then times the whole job on a fresh stage.</summary>
    private static async Task<(double Seconds, List<string> Outputs)> TimeAsync(IEngine engine, int timesteps, int images, int blocks, int buckets)
    {
        await using (engine)
        {
            await RunJobAsync(engine, "warm-up", 1, images, blocks, buckets);
            var clock = Stopwatch.StartNew();
            var outputs = await RunJobAsync(engine, "bucket", timesteps, images, blocks, buckets);
            return (clock.Elapsed.TotalSeconds, outputs);
        }
    }

    private static async Task<List<string>> RunJobAsync(IEngine engine, string stage, int timesteps, int images, int blocks, int buckets)
    {
        var context = new JobContext("cluster-bench", "", "bench");
        var outputs = new List<string>();
        for (var t = 0; t < timesteps; t++)
        {
            var inputs = Enumerable.Range(0, images).Select(i => new Image(t, i, blocks, buckets)).ToArray();
            var sources = await engine.MapAsync<Extract, Image, Source[]>(context, inputs);
            var rows = await engine.ReduceByKeyAsync<Associate, int, Source, BucketState, (int Bucket, int Count, double Mean)>(
                context, stage, sources.SelectMany(s => s), s => s.Bucket, ByTime);
            outputs.AddRange(rows.Select(r => $"{t}:{r.Bucket}:{r.Count}:{r.Mean:R}"));
        }
        return outputs;
    }

    private static Process StartWorker(string root, string clusterId, string db, int cores)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(root, "src", "Trap.Cli", "bin", "Release", "net10.0", "trap.dll"), "worker",
                     "--cluster-id", clusterId, "--db", db, "--cores", cores.ToString(), "--address", "127.0.0.1",
                     "--assembly", typeof(ClusterBenchmark).Assembly.Location })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForWorkersAsync(string db, string clusterId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await Trap.Engine.Cluster.Status.ClusterStatusReader.EnsureSchemaAsync(db);
        while ((await Trap.Engine.Cluster.Status.ClusterStatusReader.LiveWorkersAsync(db, clusterId)).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} worker(s) did not join cluster {clusterId} within 60 s");
            }
            await Task.Delay(200);
        }
    }

    private static string Shell(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode})");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Trap.sln not found above " + AppContext.BaseDirectory);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
