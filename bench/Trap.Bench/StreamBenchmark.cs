using System.Diagnostics;
using System.Globalization;
using System.Net;
using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;
using Trap.Science.Association;

namespace Trap.Bench;

/// <summary>
/// stream: `trap stream` fed over the AARTFAAC protocol from a generated survey, in this process, for
/// the real-time targets: `stream [--rate 48] [--subbands 8] [--timesteps 30 | --seconds S] [--size 1024] [--distinct 30] [--log FILE] [--extract-ahead N] [--variability-window W] [--timestep-wait S]`.
/// The sender offers --rate images/s (all subbands of a timestep, then the next); --seconds makes the
/// feed as long as that many seconds. The survey has at most --distinct timesteps, which the sender
/// plays again and again with later start times (5 minutes of 48 images/s of 1024² would be 60 GB),
/// and the bench deletes each received image once a commit holds it (the stream never deletes what
/// it did not write). With --sender-process the sender is this bench started again as a child process
/// (`stream-sender`), so the stream's process holds only the receiver and the stream, as with a real
/// imager (the child still shares this machine's cores). --extract-ahead is the stream's bound on images
/// extracted as they arrive (default the stream's own; 0: each batch extracts its images, as before). --timestep-wait
/// (default 1 s) is how long a timestep with no newer image waits: on a loaded machine the receiver can pause
/// longer between two subbands, the rest of the timestep then comes as a straggler, its batch is a full appended
/// run, and that run sees only the files the bench has not deleted. The stream runs on local[cores]. Prints:
/// the sustained rate (images / time from the first arrival to the last commit; target ≥ 48 images/s);
/// lag growth (the latency's trend in s per minute of feed and the images waiting at the commits of
/// the first and last quarter: growth means the stream falls behind); the latency from a timestep's
/// last image to the commit that holds it (median and 95 %; target median ≤ 1 s; VOEvents are sent
/// right after the commit); resident memory (peak, and the median of each quarter of the stream: target
/// flat) and the managed heap after a full collection at the commit ending each tenth of the feed (which the
/// load does not change), and past the variability window (every light-curve state at its bound) the slopes
/// of both in bytes per image arrived (target 0, <see cref="PrintFlatness"/>); the batches that had to be full appended runs; the CPU per image of the
/// sender and of the stream process, split by step, and the rate 2 cores give at that cost
/// (<see cref="PrintCpu"/>; docs/streaming.md, "CPU per image"); and, as the baseline in
/// the same process, a batch run over the survey's distinct images with its own peak resident memory.
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
        var distinct = Math.Max(2, Math.Min(timesteps, ClusterBenchmark.Option(args, "--distinct", 30)));
        var cycles = (timesteps + distinct - 1) / distinct;
        timesteps = cycles * distinct;
        if (!EnoughDisk(subbands * distinct, size)) return 2;
        var survey = BenchSurveys.Job(1, subbands, distinct, size);
        var files = FeedOrder(survey);
        var job = Path.Combine(survey, "stream-job");
        if (Directory.Exists(job)) Directory.Delete(job, recursive: true);
        Directory.CreateDirectory(job);
        // --variability-window bounds the light curves the catalogue keeps (docs/streaming.md); absent, the job's default.
        var window = args.SkipWhile(a => a != "--variability-window").Skip(1).FirstOrDefault();
        File.WriteAllText(Path.Combine(job, "job.cfg"), "[job]\nimages = incoming/*.fits\noutput = output\n" +
                                                        (window is null ? "" : $"[association]\nvariability_window = {window}\n"));
        var fed = files.Count * cycles;
        var senderProcess = args.Contains("--sender-process");
        var extractAhead = ClusterBenchmark.Option(args, "--extract-ahead", new StreamOptions().ExtractAheadImages);
        var timestepWait = TimeSpan.FromSeconds(ClusterBenchmark.Option(args, "--timestep-wait", 1));
        Console.WriteLine($"stream: {fed} images ({timesteps} timesteps x {subbands} subbands; {distinct} distinct timesteps played {cycles} times) of {size}², " +
                          $"offered at {rate} images/s ({fed / (double)rate:F0} s of feed), {Environment.ProcessorCount} cores; " +
                          (senderProcess ? "sender in a child process" : "sender in this process") + $"; extraction ahead of the batch: up to {extractAhead} images");

        ReleaseHeap();
        var span = Trap.Images.Accessors.ImageReader.ReadMetadata(files[^1]).StartUtc - Trap.Images.Accessors.ImageReader.ReadMetadata(files[0]).StartUtc;
        var logFile = args.SkipWhile(a => a != "--log").Skip(1).FirstOrDefault();
        using var log = logFile is null ? null : new StreamWriter(logFile) { AutoFlush = true };
        var shift = span + span / Math.Max(1, distinct - 1);
        var run = Stream(job, senderProcess ? new ChildSender(survey, rate, cycles, shift) : new InProcessSender(files, rate, cycles, shift), log, extractAhead,
                timestepWait, TimeSpan.FromSeconds(fed / (double)rate))
            .GetAwaiter().GetResult();
        var timestepsDone = Timesteps(run);
        var first = run.Arrived.Min(a => a.Arrival);
        var sustained = run.Arrived.Count / (run.Commits[^1].CommittedUtc - first).TotalSeconds;
        var latencies = timestepsDone.Select(t => t.Latency).ToList();
        var quarter = Math.Max(1, latencies.Count / 4);
        var growth = BenchStatistics.Slope(timestepsDone.Select(t => ((t.LastArrival - first).TotalMinutes, t.Latency)).ToList());
        var waiting = Waiting(run);
        var commitQuarter = Math.Max(1, waiting.Count / 4);
        var memory = run.Memory.Where(s => s.Utc >= first).ToList();
        var memoryQuarter = Math.Max(1, memory.Count / 4);
        var arrivalRate = run.Arrived.Count / (run.Arrived.Max(a => a.Arrival) - first).TotalSeconds;
        Console.WriteLine($"  feed: {arrivalRate:F1} images/s arrived (the sender, in {(senderProcess ? "a child process" : "this process")}, and the receiver share the cores)");
        Console.WriteLine($"  sustained {sustained:F1} images/s (target >= 48; offered {rate}) in {run.Commits.Count} batches, " +
                          $"{run.FullRuns} of them full appended runs, {run.Refused} images refused (a full run needed with committed images removed); {run.Arrived.Count} of {fed} images received; " +
                          $"{run.ExtractedAhead} extracted as they arrived, {run.ReadyBeforeBatch} of them ready before their batch began");
        Console.WriteLine($"  latency last image -> commit: median {BenchStatistics.Median(latencies):F2} s (target <= 1), 95 % {BenchStatistics.Percentile(latencies, 95):F2} s; " +
                          $"first quarter {BenchStatistics.Median(latencies.Take(quarter)):F2} s, last quarter {BenchStatistics.Median(latencies.TakeLast(quarter)):F2} s");
        Console.WriteLine($"  lag growth: latency trend {growth:F2} s per minute of feed (target ~0); images waiting at a commit: " +
                          $"first quarter median {BenchStatistics.Median(waiting.Take(commitQuarter)):F0}, last quarter {BenchStatistics.Median(waiting.TakeLast(commitQuarter)):F0}");
        var byQuarter = Enumerable.Range(0, 4).Select(q => BenchStatistics.Median(memory.Skip(q * memoryQuarter).Take(q == 3 ? memory.Count : memoryQuarter).Select(s => s.Mb)));
        // From the first arrival, as the medians: before it the process may still hold what generating the survey took.
        var peakMb = memory.Max(s => s.Mb);
        Console.WriteLine($"  resident memory from the first arrival: peak {peakMb:F0} MB (before it {run.Memory.Where(s => s.Utc < first).Select(s => s.Mb).DefaultIfEmpty(double.NaN).Max():F0}); median by quarter {string.Join(" / ", byQuarter.Select(mb => $"{mb:F0}"))} MB (target flat)");
        Console.WriteLine($"  managed heap after a full collection at each tenth of the feed (at a commit): {string.Join(" / ", run.Heap.Select(h => $"{h.Mb:F1}"))} MB " +
                          $"(images arrived, not yet committed, at each: {string.Join(" / ", run.Heap.Select(h => h.Waiting))}; the bench's own records included); after the stream ended {run.EndHeapMb:F1} MB; at the end {run.KeptState}");
        PrintFlatness(run, first, window is null ? new AssociationConfig().VariabilityWindow : int.Parse(window, CultureInfo.InvariantCulture), rate / (double)subbands);
        PrintCpu(run, subbands);

        ReleaseHeap();
        var (batchSeconds, batchPeakMb) = Batch(survey, Path.Combine(survey, "stream-batch")).GetAwaiter().GetResult();
        var batchRate = files.Count / batchSeconds;
        Console.WriteLine($"  batch run over the survey's {files.Count} distinct images: {batchRate:F1} images/s, peak resident memory {batchPeakMb:F0} MB; " +
                          $"stream/batch: rate {sustained / batchRate:F2}, peak memory {peakMb / batchPeakMb:F2}");
        return 0;
    }

    /// <summary>
    /// Memory past the variability window, where every source's light-curve state has reached its bound: the
    /// slope of the heap after a full collection (samples at a commit, less the bench's own records) and of the resident memory (median of
    /// each tenth of the feed from then) against the images arrived. Before the window fills both grow by design.
    /// </summary>
    private static void PrintFlatness(StreamRun run, DateTime first, int window, double timestepsPerSecond)
    {
        var full = window > 0 ? first.AddSeconds(window / timestepsPerSecond) : first;
        var last = run.Commits[^1].CommittedUtc;
        if (last - full < TimeSpan.FromSeconds(30))
        {
            Console.WriteLine($"  memory past the variability window ({window} points, filled {(full - first).TotalSeconds:F0} s into the feed): not reached; feed longer or use --variability-window");
            return;
        }
        double Images(DateTime utc) => run.Arrived.Count(a => a.Arrival <= utc);
        var heap = run.Heap.Where(h => h.Utc >= full).Select(h => (Images(h.Utc) / 1000, h.Mb - h.BenchMb)).ToList();
        var tenth = (last - full) / 10;
        var resident = Enumerable.Range(0, 10)
            .Select(k => (From: full + k * tenth, To: full + (k + 1) * tenth))
            .Select(t => (Images(t.From + (t.To - t.From) / 2) / 1000, BenchStatistics.Median(run.Memory.Where(m => m.Utc >= t.From && m.Utc < t.To).Select(m => m.Mb))))
            .ToList();
        Console.WriteLine($"  memory past the variability window ({window} points per band, filled {(full - first).TotalSeconds:F0} s into the feed; " +
                          $"{run.Arrived.Count - Images(full):F0} images after it): heap after a full collection {(heap.Count >= 2 ? $"{BenchStatistics.Slope(heap) * 1048.576:F1}" : "n/a")} bytes per image " +
                          $"({heap.Count} samples, the bench's own records taken out: {string.Join(" / ", heap.Select(h => $"{h.Item2:F1}"))} MB), resident memory {BenchStatistics.Slope(resident) * 1048.576:F1} bytes per image (median of each tenth: " +
                          $"{string.Join(" / ", resident.Select(r => $"{r.Item2:F0}"))} MB) (target flat: 0)");
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

    /// <summary>What the bench records of each image (16 bytes, no path: its own record must not hide the stream's memory).</summary>
    private sealed record StreamRun(List<(DateTime Arrival, DateTime Start)> Arrived,
        List<(DateTime Until, DateTime CommittedUtc)> Commits, IReadOnlyList<(DateTime Utc, double Mb)> Memory, List<(DateTime Utc, double Mb, double BenchMb, int Waiting)> Heap,
        double EndHeapMb, string KeptState, int FullRuns, int Refused,
        int ExtractedAhead, int ReadyBeforeBatch, StreamCpuTally.Mark CpuAtFirstArrival, StreamCpuTally.Mark CpuAtLastCommit, double? SenderCpuMs);

    /// <summary>The batch's steps whose cost is per batch, whatever its size (the rest grow with its images).</summary>
    private static readonly HashSet<string> PerBatchSteps = new(StringComparer.Ordinal)
    {
        "batch: plan", "batch: staging", "batch: candidates", "batch: run tables, merges, caches", "batch: commit", "batch: alerts",
    };

    /// <summary>
    /// CPU per image, which the machine's other load hardly changes (wall-clock rates it does): the
    /// sender's (a child process: its CPU while it sent), the stream process's from the first arrival to
    /// the last commit, split by step (<see cref="StreamCpu"/>). A run that fell behind made bigger
    /// batches, which pay the per-batch steps less often, so the figure compared between runs is the
    /// cost at one timestep per batch (as when the stream keeps up): the per-image steps per image plus
    /// the per-batch steps per batch over the timestep's images; and the rate 2 cores give at that cost.
    /// </summary>
    private static void PrintCpu(StreamRun run, int subbands)
    {
        var (images, batches) = (run.Arrived.Count, run.Commits.Count);
        var (processMs, steps) = run.CpuAtLastCommit.Since(run.CpuAtFirstArrival);
        Console.WriteLine($"  CPU of the stream process, {images} images in {batches} batches ({images / (double)batches:F1} images per batch): {processMs / images:F2} ms per image = " +
                          string.Join(" + ", steps.Where(s => !PerBatchSteps.Contains(s.Step)).Select(s => $"{s.Step} {s.Ms / images:F2}")) + " ms per image + " +
                          string.Join(" + ", steps.Where(s => PerBatchSteps.Contains(s.Step)).Select(s => $"{s.Step} {s.Ms / batches:F1}")) + " ms per batch" +
                          (run.SenderCpuMs is { } sent ? $"; sender process {sent / images:F2} ms per image" : "; the sender is in this process (in 'other')"));
        var perImage = steps.Where(s => !PerBatchSteps.Contains(s.Step)).Sum(s => s.Ms) / images;
        var perBatch = steps.Where(s => PerBatchSteps.Contains(s.Step)).Sum(s => s.Ms) / batches;
        var stream = perImage + perBatch / subbands;
        var total = stream + (run.SenderCpuMs ?? 0) / images;
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"  CPU per image at one timestep ({subbands} images) per batch: stream {stream:F2} ms ({perImage:F2} + {perBatch:F1} / {subbands}), " +
                          $"with the sender {total:F2} ms: {cores} cores give at most {cores * 1000 / total:F1} images/s " +
                          $"(the stream alone {cores * 1000 / stream:F1}); 48 images/s needs at most {1000.0 * cores / 48:F1} ms");
    }

    /// <summary>A batch run of the survey's own images (the stream's copies are deleted as they are committed).</summary>
    private static async Task<(double Seconds, double PeakMb)> Batch(string survey, string output)
    {
        var job = Path.Combine(survey, "batch-job");
        Directory.CreateDirectory(job);
        File.WriteAllText(Path.Combine(job, "job.cfg"), "[job]\nimages = ../images/**/*.fits\noutput = output\n");
        await using var memory = new ResidentMemorySampler();
        var clock = Stopwatch.StartNew();
        await using (var engine = new LocalEngine(Environment.ProcessorCount))
        {
            await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(job, output);
        }
        return (clock.Elapsed.TotalSeconds, memory.PeakMb);
    }

    /// <summary>The order the sender plays the survey's images in: timestep by timestep, each timestep's subbands in name order.</summary>
    private static List<string> FeedOrder(string survey) =>
        Directory.GetFiles(Path.Combine(survey, "images"), "*.fits", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f).Split('_')[1], StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>Feeds the stream; the managed heap after a full collection is taken at the commit that ends each tenth of <paramref name="feed"/>.</summary>
    private static async Task<StreamRun> Stream(string job, IFeedSender sender, TextWriter? log, int extractAhead, TimeSpan timestepWait, TimeSpan feed)
    {
        using var stop = new CancellationTokenSource();
        var port = await sender.StartAsync(stop.Token);
        using var cpu = new StreamCpuTally();
        StreamCpuTally.Mark? cpuAtFirst = null, cpuAtLast = null;
        var receiver = new AartfaacReceiver($"127.0.0.1:{port}", Path.Combine(job, "incoming"), _ => { });
        var arrived = new List<(DateTime Arrival, DateTime Start)>();
        var received = new List<(string Path, DateTime Start)>(); // not yet deleted
        receiver.ImageWritten += path =>
        {
            var now = DateTime.UtcNow;
            var start = Trap.Images.Accessors.ImageReader.ReadMetadata(path).StartUtc;
            lock (arrived)
            {
                cpuAtFirst ??= cpu.Take();
                arrived.Add((now, start));
                received.Add((path, start));
            }
        };
        var receiving = receiver.RunAsync(stop.Token);
        var commits = new List<(DateTime, DateTime)>();
        var heap = new List<(DateTime Utc, double Mb, double BenchMb, int Waiting)>();
        var endHeapMb = 0.0;
        var keptState = "";
        var (fullRuns, refused, extractedAhead, readyBeforeBatch) = (0, 0, 0, 0);
        await using var memory = new ResidentMemorySampler();
        await using (var engine = new LocalEngine(Environment.ProcessorCount))
        {
            var stream = new StreamRunner(engine, log is null ? ProgressReporter.Silent() : new ProgressReporter(log, terminal: false, TimeSpan.MaxValue), new StreamOptions
            {
                TimestepWait = timestepWait, PollInterval = TimeSpan.FromMilliseconds(100), MaxBacklogImages = 0, ExtractAheadImages = extractAhead,
            });
            stream.BatchCommitted += (until, when) =>
            {
                commits.Add((until, when));
                cpuAtLast = cpu.Take();
                // The bench's own copies: once committed they are not read again (no batch falls back here; the bench says if one did).
                DateTime firstArrival;
                lock (arrived)
                {
                    foreach (var (path, _) in received.Where(r => r.Start <= until)) File.Delete(path);
                    received.RemoveAll(r => r.Start <= until);
                    firstArrival = arrived[0].Arrival;
                }
                if (heap.Count < 10 && when - firstArrival >= (heap.Count + 1) * feed / 10)
                {
                    // The bench's own records (of each arrival, commit and memory sample) are on this heap too.
                    // Images arrived but not committed hold their extractions (ahead of their batch): a backlog shows here.
                    (long Bytes, int Waiting) bench;
                    lock (arrived) bench = ((arrived.Capacity + commits.Capacity) * 16L + memory.RetainedBytes, received.Count);
                    heap.Add((when, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, bench.Bytes / 1048576.0, bench.Waiting));
                }
            };
            await stream.RunAsync(job, stop.Token, stopWhenIdle: TimeSpan.FromSeconds(3));
            (fullRuns, refused, extractedAhead, readyBeforeBatch) = (stream.FullRuns, stream.Refused, stream.ExtractedAhead, stream.ReadyBeforeBatch);
            // The stream's state is still alive here.
            endHeapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
            var state = stream.State!;
            keptState = $"{state.Images.Count} committed images kept in {state.Images.RetainedBytes / (double)state.Images.Count:F1} bytes of memory each; " +
                        $"{state.LightCurves.Count} candidate light curves kept, {state.LightCurves.Points} points";
        }
        var senderCpuMs = await sender.FinishAsync();
        await stop.CancelAsync();
        await receiving;
        return new StreamRun(arrived, commits, memory.Samples, heap, endHeapMb, keptState, fullRuns, refused, extractedAhead, readyBeforeBatch,
            cpuAtFirst ?? throw new InvalidOperationException("no image arrived"), cpuAtLast ?? throw new InvalidOperationException("no batch was committed"), senderCpuMs);
    }

    /// <summary>
    /// stream-sender SURVEY RATE CYCLES SHIFT_TICKS: the feed alone (the child process of --sender-process):
    /// prints the port it listens on, plays the survey to its first client, then prints the CPU it took
    /// from listening to the end (milliseconds) and exits.
    /// </summary>
    public static int RunSender(string[] args)
    {
        var (survey, rate, cycles, shift) = (args[0], int.Parse(args[1]), int.Parse(args[2]), TimeSpan.FromTicks(long.Parse(args[3])));
        var sender = new AartfaacSender(new IPEndPoint(IPAddress.Loopback, 0), FeedOrder(survey), rate, cycles, shift);
        var cpuAtListening = 0.0;
        sender.RunAsync(port =>
        {
            cpuAtListening = ThreadCpuClock.ProcessMilliseconds();
            Console.WriteLine($"port {port}");
        }).GetAwaiter().GetResult();
        Console.WriteLine(FormattableString.Invariant($"cpu-ms {ThreadCpuClock.ProcessMilliseconds() - cpuAtListening}"));
        return 0;
    }

    /// <summary>The AARTFAAC feed the stream connects to.</summary>
    private interface IFeedSender
    {
        /// <summary>Starts the feed; returns the loopback port it listens on.</summary>
        Task<int> StartAsync(CancellationToken stop);

        /// <summary>Waits until every image is sent; the CPU milliseconds the sender took when it is a process of its own.</summary>
        Task<double?> FinishAsync();
    }

    private sealed class InProcessSender(IReadOnlyList<string> files, int rate, int cycles, TimeSpan shift) : IFeedSender
    {
        private Task _sending = Task.CompletedTask;

        public async Task<int> StartAsync(CancellationToken stop)
        {
            var listening = new TaskCompletionSource<int>();
            _sending = new AartfaacSender(new IPEndPoint(IPAddress.Loopback, 0), files, rate, cycles, shift)
                .RunAsync(port => listening.SetResult(port), cancellation: stop);
            return await listening.Task;
        }

        public async Task<double?> FinishAsync()
        {
            await _sending;
            return null;
        }
    }

    private sealed class ChildSender(string survey, int rate, int cycles, TimeSpan shift) : IFeedSender
    {
        private Process? _child;

        public async Task<int> StartAsync(CancellationToken stop)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var arg in new[] { typeof(StreamBenchmark).Assembly.Location, "stream-sender", survey, $"{rate}", $"{cycles}", $"{shift.Ticks}" })
                start.ArgumentList.Add(arg);
            _child = Process.Start(start)!;
            var line = await _child.StandardOutput.ReadLineAsync(stop)
                       ?? throw new InvalidOperationException("the sender process exited before it listened");
            return int.Parse(line["port ".Length..]);
        }

        public async Task<double?> FinishAsync()
        {
            var last = await _child!.StandardOutput.ReadLineAsync();
            await _child.WaitForExitAsync();
            if (_child.ExitCode != 0 || last is null || !last.StartsWith("cpu-ms ", StringComparison.Ordinal))
                throw new InvalidOperationException($"the sender process failed ({_child.ExitCode}): {last}");
            _child.Dispose();
            return double.Parse(last["cpu-ms ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Per timestep in time order: the arrival of its last image, and the commit that holds it minus that arrival.</summary>
    private static List<(DateTime LastArrival, double Latency)> Timesteps(StreamRun run) =>
        run.Arrived.GroupBy(a => a.Start).OrderBy(g => g.Key)
            .Select(g => (g.Max(a => a.Arrival), (run.Commits.First(c => c.Until >= g.Key).CommittedUtc - g.Max(a => a.Arrival)).TotalSeconds))
            .ToList();

    /// <summary>Per commit: the images that had arrived by then and were still not in the dataset.</summary>
    private static List<double> Waiting(StreamRun run) =>
        run.Commits.Select(c => (double)run.Arrived.Count(a => a.Arrival <= c.CommittedUtc && a.Start > c.Until)).ToList();
}
