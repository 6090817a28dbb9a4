using System.Diagnostics;
using System.Net;
using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;

namespace Trap.Bench;

/// <summary>
/// stream: `trap stream` fed over the AARTFAAC protocol from a generated survey, in this process, for
/// the real-time targets: `stream [--rate 48] [--subbands 8] [--timesteps 30 | --seconds S] [--size 1024]`.
/// The sender offers --rate images/s (all subbands of a timestep, then the next); --seconds makes the
/// survey as long as that many seconds of the feed. The stream runs on local[cores]. Prints:
/// the sustained rate (images / time from the first arrival to the last commit; target ≥ 48 images/s);
/// lag growth (the latency's trend in s per minute of feed and the images waiting at the commits of
/// the first and last quarter: growth means the stream falls behind); the latency from a timestep's
/// last image to the commit that holds it (median and 95 %; target median ≤ 1 s; VOEvents are sent
/// right after the commit); resident memory (peak, and the median of the first and last quarter of
/// the stream: target flat); and, as the baseline in the same process, a batch run over the same
/// images with its own peak resident memory.
/// </summary>
public static class StreamBenchmark
{
    public static int Run(string[] args)
    {
        var rate = ClusterBenchmark.Option(args, "--rate", 48);
        var subbands = ClusterBenchmark.Option(args, "--subbands", 8);
        var seconds = ClusterBenchmark.Option(args, "--seconds", 0);
        var timesteps = seconds > 0 ? (int)Math.Ceiling((double)seconds * rate / subbands) : ClusterBenchmark.Option(args, "--timesteps", 30);
        var size = ClusterBenchmark.Option(args, "--size", 1024);
        if (!EnoughDisk(subbands * timesteps, size)) return 2;
        var survey = BenchSurveys.Job(1, subbands, timesteps, size);
        var files = Directory.GetFiles(Path.Combine(survey, "images"), "*.fits", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f).Split('_')[1], StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var job = Path.Combine(survey, "stream-job");
        if (Directory.Exists(job)) Directory.Delete(job, recursive: true);
        Directory.CreateDirectory(job);
        File.WriteAllText(Path.Combine(job, "job.cfg"), "[job]\nimages = incoming/*.fits\noutput = output\n");
        Console.WriteLine($"stream: {files.Count} images ({timesteps} timesteps x {subbands} subbands) of {size}², offered at {rate} images/s " +
                          $"({files.Count / (double)rate:F0} s of feed), {Environment.ProcessorCount} cores");

        ReleaseHeap();
        var run = Stream(job, files, rate).GetAwaiter().GetResult();
        var starts = run.Arrivals.Keys.ToDictionary(f => f, f => Trap.Images.Accessors.ImageReader.ReadMetadata(f).StartUtc);
        var timestepsDone = Timesteps(run, starts);
        var first = run.Arrivals.Values.Min();
        var sustained = files.Count / (run.Commits[^1].CommittedUtc - first).TotalSeconds;
        var latencies = timestepsDone.Select(t => t.Latency).ToList();
        var quarter = Math.Max(1, latencies.Count / 4);
        var growth = BenchStatistics.Slope(timestepsDone.Select(t => ((t.LastArrival - first).TotalMinutes, t.Latency)).ToList());
        var waiting = Waiting(run, starts);
        var commitQuarter = Math.Max(1, waiting.Count / 4);
        var memory = run.Memory.Where(s => s.Utc >= first).ToList();
        var memoryQuarter = Math.Max(1, memory.Count / 4);
        Console.WriteLine($"  sustained {sustained:F1} images/s (target >= 48; offered {rate}) in {run.Commits.Count} batches");
        Console.WriteLine($"  latency last image -> commit: median {BenchStatistics.Median(latencies):F2} s (target <= 1), 95 % {BenchStatistics.Percentile(latencies, 95):F2} s; " +
                          $"first quarter {BenchStatistics.Median(latencies.Take(quarter)):F2} s, last quarter {BenchStatistics.Median(latencies.TakeLast(quarter)):F2} s");
        Console.WriteLine($"  lag growth: latency trend {growth:F2} s per minute of feed (target ~0); images waiting at a commit: " +
                          $"first quarter median {BenchStatistics.Median(waiting.Take(commitQuarter)):F0}, last quarter {BenchStatistics.Median(waiting.TakeLast(commitQuarter)):F0}");
        Console.WriteLine($"  resident memory: peak {run.PeakMb:F0} MB; median first quarter {BenchStatistics.Median(memory.Take(memoryQuarter).Select(s => s.Mb)):F0} MB, " +
                          $"last quarter {BenchStatistics.Median(memory.TakeLast(memoryQuarter).Select(s => s.Mb)):F0} MB (target flat)");

        ReleaseHeap();
        var (batchSeconds, batchPeakMb) = Batch(job, Path.Combine(survey, "stream-batch")).GetAwaiter().GetResult();
        var batchRate = files.Count / batchSeconds;
        Console.WriteLine($"  batch run over the same images: {batchRate:F1} images/s, peak resident memory {batchPeakMb:F0} MB; " +
                          $"stream/batch: rate {sustained / batchRate:F2}, peak memory {run.PeakMb / batchPeakMb:F2}");
        return 0;
    }

    /// <summary>Generating the survey (or the phase before) leaves a large heap behind: return it before the next phase is measured.</summary>
    private static void ReleaseHeap()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
    }

    /// <summary>The survey and its copy the feed writes into the job's incoming folder must fit on the disk.</summary>
    private static bool EnoughDisk(int images, int size)
    {
        var needGb = 2.0 * images * (size * (double)size * 4 + 2 * 2880) / 1e9;
        var freeGb = new DriveInfo(Directory.CreateDirectory(Path.Combine("state", "bench")).FullName).AvailableFreeSpace / 1e9;
        if (needGb < 0.8 * freeGb) return true;
        Console.Error.WriteLine($"stream: {images} images of {size}² need about {needGb:F0} GB (the survey and the feed's copy of it), " +
                                $"but {freeGb:F0} GB are free: use a smaller --size, fewer --seconds/--timesteps, or free space");
        return false;
    }

    private sealed record StreamRun(Dictionary<string, DateTime> Arrivals, List<(DateTime Until, DateTime CommittedUtc)> Commits,
        IReadOnlyList<(DateTime Utc, double Mb)> Memory, double PeakMb);

    private static async Task<(double Seconds, double PeakMb)> Batch(string job, string output)
    {
        await using var memory = new ResidentMemorySampler();
        var clock = Stopwatch.StartNew();
        await using (var engine = new LocalEngine(Environment.ProcessorCount))
        {
            await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(job, output);
        }
        return (clock.Elapsed.TotalSeconds, memory.PeakMb);
    }

    private static async Task<StreamRun> Stream(string job, IReadOnlyList<string> files, int rate)
    {
        using var stop = new CancellationTokenSource();
        var sender = new AartfaacSender(new IPEndPoint(IPAddress.Loopback, 0), files, rate);
        var listening = new TaskCompletionSource<int>();
        var sending = sender.RunAsync(port => listening.SetResult(port), cancellation: stop.Token);
        var receiver = new AartfaacReceiver($"127.0.0.1:{await listening.Task}", Path.Combine(job, "incoming"), _ => { });
        var arrivals = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        receiver.ImageWritten += path =>
        {
            lock (arrivals) arrivals[path] = DateTime.UtcNow;
        };
        var receiving = receiver.RunAsync(stop.Token);
        var commits = new List<(DateTime, DateTime)>();
        await using var memory = new ResidentMemorySampler();
        await using (var engine = new LocalEngine(Environment.ProcessorCount))
        {
            var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
            {
                TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(100), MaxBacklogImages = 0,
            });
            stream.BatchCommitted += (until, when) => commits.Add((until, when));
            await stream.RunAsync(job, stop.Token, stopWhenIdle: TimeSpan.FromSeconds(3));
        }
        await sending;
        await stop.CancelAsync();
        await receiving;
        return new StreamRun(arrivals, commits, memory.Samples, memory.PeakMb);
    }

    /// <summary>Per timestep in time order: the arrival of its last image, and the commit that holds it minus that arrival.</summary>
    private static List<(DateTime LastArrival, double Latency)> Timesteps(StreamRun run, Dictionary<string, DateTime> starts) =>
        run.Arrivals.GroupBy(a => starts[a.Key]).OrderBy(g => g.Key)
            .Select(g => (g.Max(a => a.Value), (run.Commits.First(c => c.Until >= g.Key).CommittedUtc - g.Max(a => a.Value)).TotalSeconds))
            .ToList();

    /// <summary>Per commit: the images that had arrived by then and were still not in the dataset.</summary>
    private static List<double> Waiting(StreamRun run, Dictionary<string, DateTime> starts) =>
        run.Commits.Select(c => (double)run.Arrivals.Count(a => a.Value <= c.CommittedUtc && starts[a.Key] > c.Until)).ToList();
}
