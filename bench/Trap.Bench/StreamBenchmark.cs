using System.Diagnostics;
using System.Net;
using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;

namespace Trap.Bench;

/// <summary>
/// stream: `trap stream` fed over the AARTFAAC protocol from a generated survey, in this process, for
/// the real-time targets: `stream [--rate 48] [--subbands 8] [--timesteps 30] [--size 1024]`.
/// The sender offers --rate images/s (all subbands of a timestep, then the next); the stream runs on
/// local[cores]. Prints the sustained rate (images / time from the first arrival to the last commit;
/// target ≥ 48 images/s without lag growth), the latency from a timestep's last image to its commit
/// (median, and first against last quarter: growth means the stream falls behind; target median
/// ≤ 1 s), and, as the baseline in the same process, a batch run over the same images.
/// </summary>
public static class StreamBenchmark
{
    public static int Run(string[] args)
    {
        var rate = ClusterBenchmark.Option(args, "--rate", 48);
        var subbands = ClusterBenchmark.Option(args, "--subbands", 8);
        var timesteps = ClusterBenchmark.Option(args, "--timesteps", 30);
        var size = ClusterBenchmark.Option(args, "--size", 1024);
        var survey = BenchSurveys.Job(1, subbands, timesteps, size);
        var files = Directory.GetFiles(Path.Combine(survey, "images"), "*.fits", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f).Split('_')[1], StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var job = Path.Combine(survey, "stream-job");
        if (Directory.Exists(job)) Directory.Delete(job, recursive: true);
        Directory.CreateDirectory(job);
        File.WriteAllText(Path.Combine(job, "job.cfg"), "[job]\nimages = incoming/*.fits\noutput = output\n");
        Console.WriteLine($"stream: {files.Count} images ({timesteps} timesteps x {subbands} subbands) of {size}², offered at {rate} images/s, " +
                          $"{Environment.ProcessorCount} cores");

        var (arrivals, commits, peakMb) = Stream(job, files, rate).GetAwaiter().GetResult();
        var latencies = LatenciesPerTimestep(job, arrivals, commits);
        var first = arrivals.Values.Min();
        var sustained = files.Count / (commits[^1].CommittedUtc - first).TotalSeconds;
        var quarter = Math.Max(1, latencies.Count / 4);
        Console.WriteLine($"  sustained {sustained:F1} images/s (target >= 48; offered {rate}) in {commits.Count} batches");
        Console.WriteLine($"  latency last image -> commit: median {BenchStatistics.Median(latencies):F2} s (target <= 1), first quarter {BenchStatistics.Median(latencies.Take(quarter)):F2} s, " +
                          $"last quarter {BenchStatistics.Median(latencies.TakeLast(quarter)):F2} s; peak managed heap {peakMb:F0} MB");

        var batchRate = files.Count / BatchSeconds(job, Path.Combine(survey, "stream-batch")).GetAwaiter().GetResult();
        Console.WriteLine($"  batch run over the same images: {batchRate:F1} images/s; stream/batch {sustained / batchRate:F2}");
        return 0;
    }

    private static async Task<double> BatchSeconds(string job, string output)
    {
        var clock = Stopwatch.StartNew();
        await using var engine = new LocalEngine(Environment.ProcessorCount);
        await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(job, output);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<(Dictionary<string, DateTime> Arrivals, List<(DateTime Until, DateTime CommittedUtc)> Commits, double PeakMb)> Stream(
        string job, IReadOnlyList<string> files, int rate)
    {
        using var stop = new CancellationTokenSource();
        var sender = new AartfaacSender(new IPEndPoint(IPAddress.Loopback, 0), files, rate);
        var listening = new TaskCompletionSource<int>();
        var sending = sender.RunAsync(port => listening.SetResult(port), cancellation: stop.Token);
        var incoming = Path.Combine(job, "incoming");
        var receiver = new AartfaacReceiver($"127.0.0.1:{await listening.Task}", incoming, _ => { });
        var receiving = receiver.RunAsync(stop.Token);
        // Arrival of each image: when its whole file appeared (the receiver renames it into place).
        var arrivals = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        var commits = new List<(DateTime, DateTime)>();
        var peak = 0.0;
        var watching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (Directory.Exists(incoming))
                {
                    foreach (var file in Directory.GetFiles(incoming, "*.fits"))
                    {
                        lock (arrivals) arrivals.TryAdd(file, DateTime.UtcNow);
                    }
                }
                peak = Math.Max(peak, GC.GetTotalMemory(false) / 1048576.0);
                await Task.Delay(20);
            }
        });
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
        await Task.WhenAll(receiving, watching);
        return (arrivals, commits, peak);
    }

    /// <summary>Per timestep in time order: its commit time minus the arrival of its last image.</summary>
    private static List<double> LatenciesPerTimestep(string job, Dictionary<string, DateTime> arrivals, List<(DateTime Until, DateTime CommittedUtc)> commits)
    {
        var starts = arrivals.Keys.ToDictionary(f => f, f => Trap.Images.Accessors.ImageReader.ReadMetadata(f).StartUtc);
        return arrivals.GroupBy(a => starts[a.Key]).OrderBy(g => g.Key)
            .Select(g => (commits.First(c => c.Until >= g.Key).CommittedUtc - g.Max(a => a.Value)).TotalSeconds)
            .ToList();
    }
}
