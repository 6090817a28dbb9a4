using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Images.Accessors;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Progress;

namespace Trap.Pipeline.Streaming;

/// <summary>How `trap stream` decides a timestep is complete and how often it looks for images.</summary>
public sealed record StreamOptions
{
    /// <summary>A timestep with no newer image waits this long after its last image arrived before it is processed.</summary>
    public TimeSpan TimestepWait { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most images of complete timesteps that may wait; beyond it the oldest timesteps are dropped
    /// (docs/streaming.md). 0: no bound. The default is about 100 s of AARTFAAC's 48 images/s.
    /// </summary>
    public int MaxBacklogImages { get; init; } = 5000;

    /// <summary>
    /// The most arrived images extracted ahead of their batch and held in memory (a few tens of kB each;
    /// docs/streaming.md, "Extraction ahead of the batch"); beyond it an image is extracted by its batch. 0: none.
    /// </summary>
    public int ExtractAheadImages { get; init; } = 500;

    /// <summary>
    /// Called with the dataset folder after each batch is committed (and its VOEvents sent), and once at
    /// start when the dataset already holds images (a restarted stream catches up on a batch committed
    /// just before it was killed): `trap stream --database` loads the dataset there (docs/streaming.md).
    /// A failure stops the stream; the dataset stays as committed.
    /// </summary>
    public Func<string, CancellationToken, Task>? AfterCommit { get; init; }
}

/// <summary>
/// `trap stream JOB`: processes a job's images as they arrive, in TraP's online order — a timestep
/// (images with the same start time) once it is complete: a newer timestep has begun, or no image of
/// it arrived for <see cref="StreamOptions.TimestepWait"/>. Each batch of complete timesteps is an
/// appended run (<see cref="JobRunner"/> with append), so the dataset grows by atomic commits and is
/// readable at every moment, earlier images' work is re-used, and the result equals a batch run over
/// the same images. Each image is extracted as soon as it is seen, while the previous batch runs
/// (<see cref="ExtractionAhead"/>), so a timestep's batch mostly associates and commits. The set of
/// processed images is read from the dataset at start and then kept in memory; killed and restarted, the stream continues with the images the dataset does not hold yet,
/// losing and duplicating none (docs/streaming.md).
/// </summary>
public sealed class StreamRunner(IEngine engine, ProgressReporter progress, StreamOptions options)
{
    private readonly Dictionary<string, (PlanEntry Header, DateTime SeenUtc)> _seen = new(StringComparer.Ordinal);

    /// <summary>The job's images the dataset did not hold at the last poll, in the order the glob lists them.</summary>
    private List<string> _listed = new();

    /// <summary>Batches committed so far.</summary>
    public int Runs { get; private set; }

    /// <summary>Of <see cref="Runs"/>, the batches that had to be full appended runs (docs/streaming.md "what falls back").</summary>
    public int FullRuns { get; private set; }

    /// <summary>Raised when a batch is committed: the start time up to which every timestep is now in the dataset, and when.</summary>
    public event Action<DateTime, DateTime>? BatchCommitted;

    /// <summary>
    /// Images whose batch had to be a full appended run that was refused because images the dataset holds are
    /// gone from the job (docs/streaming.md, "Images removed after their commit"): not processed, left in place.
    /// </summary>
    public int Refused { get; private set; }

    /// <summary>Images dropped from the backlog so far, and the timesteps they made.</summary>
    public (int Images, int Timesteps) Dropped { get; private set; }

    private ExtractionAhead? _ahead;

    /// <summary>Images whose extraction their batch took from the extraction ahead (docs/streaming.md), so far.</summary>
    public int ExtractedAhead => _ahead?.Taken ?? 0;

    /// <summary>Of <see cref="ExtractedAhead"/>, the images already extracted when their batch began.</summary>
    public int ReadyBeforeBatch => _ahead?.ReadyBeforeBatch ?? 0;

    /// <summary>What the stream keeps in memory now (for tests).</summary>
    internal StreamState? State { get; private set; }

    /// <summary>Runs until cancelled (or, with <paramref name="stopWhenIdle"/>, until nothing is pending for that long).</summary>
    public async Task RunAsync(string jobFolder, CancellationToken cancellation, TimeSpan? stopWhenIdle = null)
    {
        var jobFile = Path.GetFullPath(Path.Combine(jobFolder, JobConfig.FileName));
        var config = JobConfig.Load(jobFile);
        var output = Path.GetFullPath(Path.Combine(jobFolder, config.Job.Output));
        var done = ProcessedImages.FromDataset(output);
        var context = JobRunner.ContextOf(jobFile, config);
        var state = State = await RebuildAsync(output, done, config, context);
        try
        {
            await ProcessAsync(state, jobFolder, jobFile, output, config, context, done, cancellation, stopWhenIdle);
        }
        finally
        {
            State?.Dispose();
        }
    }

    /// <summary>The stream's loop from the state rebuilt at start: polls, batches, and a rebuild after a full appended run.</summary>
    private async Task ProcessAsync(StreamState state, string jobFolder, string jobFile, string output, JobConfig config, JobContext context,
        ProcessedImages done, CancellationToken cancellation, TimeSpan? stopWhenIdle)
    {
        // On the stream's own cores, also when the batches run on a cluster (docs/streaming.md).
        await using var ahead = new ExtractionAhead(config, Math.Min(engine.Parallelism, Environment.ProcessorCount), options.ExtractAheadImages);
        _ahead = ahead;
        var incremental = new IncrementalBatch(engine, progress, config, context, MonitorList.Load(config, jobFile), ahead);
        if (done.Count > 0 && options.AfterCommit is { } catchUp) await catchUp(output, cancellation);
        var idleSince = DateTime.UtcNow;
        while (!cancellation.IsCancellationRequested)
        {
            Poll(jobFolder, config, context, done, ahead);
            var pending = Pending();
            if (ReadyUntil(pending, DateTime.UtcNow) is { } ready)
            {
                var until = done.CommittedUntilUtc is { } committed && committed > ready ? committed : ready;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                // Unreadable files (no start time) cost nothing to reject and are never dropped.
                var dropped = DropOverBacklog(pending.Where(p => p.StartUtc <= until && p.StartUtc != DateTime.MinValue).ToList());
                ahead.Forget(dropped.Keys); // a dropped image is never read: one not yet extracted ahead is not
                try
                {
                    var arrived = pending.Where(p => p.StartUtc <= until)
                        .Select(p => dropped.TryGetValue(p.Url, out var why) ? JobRunner.DroppedFromBacklog(_seen[p.Url].Header, why) : _seen[p.Url].Header).ToList();
                    // Images arriving meanwhile are seen and extracted while this batch associates and commits.
                    await WatchWhile(incremental.RunAsync(state, output, arrived, cancellation), jobFolder, config, context, done, ahead);
                }
                catch (IncrementalFallbackException why)
                {
                    // A correct slow path beats a wrong fast one: the batch run's replay over every image, then the state from its dataset.
                    progress.Message($"trap stream: this batch is a full appended run: {why.Message}");
                    try
                    {
                        await new JobRunner(engine, progress).RunAsync(jobFolder, cancellation: cancellation, append: true, imagesUntilUtc: until, dropped: dropped);
                        FullRuns++;
                    }
                    catch (EarlierImagesMissingException missing)
                    {
                        // The dataset stays as it was; the batch's images are left where they are (not taken again), said with their count.
                        var refused = pending.Count(p => p.StartUtc <= until);
                        progress.Message($"trap stream: {refused} image(s) of this batch are not processed: {missing.Message}");
                        Refused += refused;
                    }
                    // The old state's file goes before the new state writes its own.
                    state.Dispose();
                    done = ProcessedImages.FromDataset(output);
                    state = State = await RebuildAsync(output, done, config, context);
                }
                // The run took (at least) these; one that arrived meanwhile for a timestep already done is
                // still pending and goes with the next batch, which re-uses the earlier images' work.
                var taken = pending.Where(p => p.StartUtc <= until).Select(p => p.Url).ToList();
                ahead.Forget(taken);
                done.Add(taken, until);
                foreach (var url in taken) _seen.Remove(url);
                Runs++;
                BatchCommitted?.Invoke(until, DateTime.UtcNow);
                if (options.AfterCommit is { } afterCommit) await afterCommit(output, cancellation);
                var left = pending.Count(p => p.StartUtc > until);
                progress.Message($"trap stream: timesteps up to {until:O} processed in {clock.Elapsed.TotalSeconds:F1} s; " +
                                 $"{left} images waiting (lag {(left == 0 ? 0 : (DateTime.UtcNow - pending.Where(p => p.StartUtc > until).Min(p => p.SeenUtc)).TotalSeconds):F1} s)");
                idleSince = DateTime.UtcNow;
                continue;
            }
            if (pending.Count > 0) idleSince = DateTime.UtcNow;
            if (stopWhenIdle is { } idle && DateTime.UtcNow - idleSince > idle) return;
            try
            {
                await Task.Delay(options.PollInterval, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The drop policy: when more than <see cref="StreamOptions.MaxBacklogImages"/> images of complete
    /// timesteps wait, whole timesteps are dropped, oldest first, until the rest fit. Real time needs the
    /// newest data most (a transient's alert is worth most while it is bright); the dropped images are
    /// recorded as rejected (stream_backlog), counted and logged, and a batch run processes them later.
    /// </summary>
    private Dictionary<string, string> DropOverBacklog(List<(string Url, DateTime StartUtc, DateTime SeenUtc)> complete)
    {
        var dropped = new Dictionary<string, string>(StringComparer.Ordinal);
        var bound = options.MaxBacklogImages;
        if (bound <= 0 || complete.Count <= bound) return dropped;
        var lag = (DateTime.UtcNow - complete.Min(p => p.SeenUtc)).TotalSeconds;
        var why = $"trap stream was {complete.Count} images behind (oldest waiting {lag:F0} s), over --max-backlog {bound}: " +
                  "the oldest timesteps were dropped to catch up; run the job without --append to process every image";
        var left = complete.Count;
        var timesteps = 0;
        foreach (var timestep in complete.GroupBy(p => p.StartUtc).OrderBy(g => g.Key))
        {
            if (left <= bound) break;
            foreach (var image in timestep) dropped[image.Url] = why;
            left -= timestep.Count();
            timesteps++;
        }
        Dropped = (Dropped.Images + dropped.Count, Dropped.Timesteps + timesteps);
        progress.Message($"trap stream: {complete.Count} images behind (lag {lag:F1} s), over --max-backlog {bound}: dropping the oldest " +
                         $"{dropped.Count} images ({timesteps} timesteps), recorded as rejected (stream_backlog); {Dropped.Images} dropped in all");
        return dropped;
    }

    /// <summary>The newest start time up to which every timestep is complete, or null when none is.</summary>
    private DateTime? ReadyUntil(IReadOnlyList<(string Url, DateTime StartUtc, DateTime SeenUtc)> pending, DateTime now)
    {
        DateTime? ready = null;
        var timesteps = pending.GroupBy(p => p.StartUtc).OrderBy(g => g.Key).ToList();
        for (var i = 0; i < timesteps.Count; i++)
        {
            var newerBegun = i + 1 < timesteps.Count;
            var quiet = now - timesteps[i].Max(p => p.SeenUtc) >= options.TimestepWait;
            if (!newerBegun && !quiet) break;
            ready = timesteps[i].Key;
        }
        return ready;
    }

    /// <summary>The in-memory state of the dataset, and a message when the incremental path cannot go on from it.</summary>
    private async Task<StreamState> RebuildAsync(string output, ProcessedImages done, JobConfig config, JobContext context)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var state = await StreamState.RebuildAsync(output, config, context);
        if (done.Count > 0) progress.Message($"trap stream: state of {done.Count} committed images rebuilt from the dataset in {clock.Elapsed.TotalSeconds:F1} s");
        if (state.WhyNotIncremental is { } why) progress.Message($"trap stream: the next batch will be a full appended run (its dataset then serves the incremental path): {why}");
        return state;
    }

    /// <summary>
    /// Reads the headers of the job's images neither the dataset holds nor this stream has seen, notes
    /// when they were first seen and queues the readable ones for extraction ahead of their batch.
    /// </summary>
    private void Poll(string jobFolder, JobConfig config, JobContext context, ProcessedImages done, ExtractionAhead ahead)
    {
        _listed = StreamCpu.Beside("poll: listing", () => done.NotCommitted(ImageGlob.Expand(config.Job.Images, jobFolder)));
        foreach (var url in _listed)
        {
            if (_seen.ContainsKey(url)) continue;
            // An unreadable header has the start time DateTime.MinValue: it is processed (and rejected) with the next batch.
            var header = StreamCpu.Beside("poll: new file's header and fingerprint", () => new ReadHeaderTask().Run(url, context));
            _seen[url] = (header, DateTime.UtcNow);
            if (header.Rejection is null) ahead.Offer(url);
        }
    }

    /// <summary>
    /// Awaits <paramref name="batch"/>, polling for arrivals meanwhile. Only this poll changes what was
    /// seen while the batch runs (the batch was given its images before), and it ends before the batch's
    /// images are marked done.
    /// </summary>
    private async Task WatchWhile(Task batch, string jobFolder, JobConfig config, JobContext context, ProcessedImages done, ExtractionAhead ahead)
    {
        while (await Task.WhenAny(batch, Task.Delay(options.PollInterval)) != batch)
        {
            await Task.Run(() => Poll(jobFolder, config, context, done, ahead));
        }
        await batch;
    }

    /// <summary>The job's images the dataset does not hold yet (at the last poll), with their start times and when this stream first saw them.</summary>
    private List<(string Url, DateTime StartUtc, DateTime SeenUtc)> Pending() =>
        _listed.Select(url => (url, _seen[url].Header.StartUtc, _seen[url].SeenUtc)).ToList();
}
