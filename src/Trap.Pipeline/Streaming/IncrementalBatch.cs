using System.Diagnostics;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Work;

namespace Trap.Pipeline.Streaming;

/// <summary>Why a batch of `trap stream` cannot be appended incrementally; the stream makes it a full appended run instead.</summary>
internal sealed class IncrementalFallbackException(string why) : Exception(why);

/// <summary>
/// One batch of `trap stream` made incrementally (docs/streaming.md): the new timesteps' images are
/// extracted once, in parallel (most of them already as they arrived, <see cref="ExtractionAhead"/>);
/// each sky bucket's running catalogue, kept in memory, goes on over them alone (association, forced fits, catalogue update); their rows are appended to the dataset
/// as new part files, the catalogue-wide tables and the candidates are written again, and the whole
/// is committed atomically. What a batch run would number or order differently than an append
/// (see <see cref="Check"/>) throws <see cref="IncrementalFallbackException"/> before anything is written.
/// </summary>
internal sealed class IncrementalBatch(IEngine engine, ProgressReporter progress, JobConfig config, JobContext context,
    IReadOnlyList<MonitorList.Entry> monitors, ExtractionAhead ahead)
{
    /// <summary>The tables a batch adds rows to (as new parts); the others it writes again whole.</summary>
    private static readonly string[] AppendedTables =
    {
        DatasetTables.Images, DatasetTables.Rejections, DatasetTables.ExtractedSources, DatasetTables.Associations, DatasetTables.NewSources,
    };

    /// <summary>How often the work folder's manifest and header cache (for a full appended run and a restart) are written.</summary>
    private static readonly TimeSpan CacheCadence = TimeSpan.FromSeconds(30);

    private readonly List<StageRow> _stages = new();
    private DateTime _cachesWrittenUtc = DateTime.MinValue;

    /// <summary>Appends <paramref name="arrived"/> (headers of whole timesteps) to the dataset at <paramref name="target"/> and to <paramref name="state"/>.</summary>
    public async Task RunAsync(StreamState state, string target, IReadOnlyList<PlanEntry> arrived, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var cpu = new StreamCpu.BatchSteps();
        _stages.Clear();
        var first = state.Planner.Count;
        var plan = Check(state, arrived);
        progress.StartLog();
        var added = plan.Images;
        var opened = Stopwatch.StartNew();
        cpu.Mark("batch: plan");
        using var output = AppendStaging.Open(target);
        var linkSeconds = opened.Elapsed.TotalSeconds;
        cpu.Mark("batch: staging");
        try
        {
            var work = output.Work;
            var readyBefore = ahead.ReadyBeforeBatch;
            var extracted = await TimedAsync("extraction", added.Count, "images", () => ExtractAsync(added, work, cancellation),
                summaries => summaries.Sum(s => (long)s.SourceCount), "extracted sources");
            var readyAhead = ahead.ReadyBeforeBatch - readyBefore;
            cpu.Mark("batch: extraction");
            // The historical QC goes on over the new images alone: the committed images' verdicts stand (docs/streaming.md).
            var verdicts = ImageVerdicts.Continue(state.QualityHistory, added, extracted.OrderBy(s => s.ImageId).ToList(), config);
            var newImages = verdicts.Images;
            var newRejections = verdicts.Rejections;

            var firstPart = output.NextPart(DatasetTables.ExtractedSources, DatasetTables.Associations, DatasetTables.NewSources);
            var buckets = await TimedAsync("catalogue", verdicts.Buckets.Count, "sky buckets", () => ContinueBucketsAsync(state, verdicts, output, firstPart),
                continued => continued.Count, "sky buckets carried on");
            cpu.Mark("batch: QC and catalogue");
            // Taken in now, not after the commit: a batch that fails from here stops the stream, and its state with it.
            foreach (var image in newImages) state.Images.Add(CandidateImage.Of(image));
            var images = state.Images;
            await state.LightCurves.AddBatchAsync(output.PartsFrom(DatasetTables.Associations, firstPart),
                output.PartsFrom(DatasetTables.ExtractedSources, firstPart), images);
            if (plan.Unreadable.Count == 0)
            {
                await AppendAsync(output.Staging, DatasetTables.Images, newImages, output.NextPart(DatasetTables.Images));
                await AppendAsync(output.Staging, DatasetTables.Rejections, newRejections, output.NextPart(DatasetTables.Rejections));
            }
            else
            {
                // Images planning rejects take the ids after the readable ones, so theirs change as images are
                // added: these two tables (a row per image) are written again whole; no other row refers to them.
                // The committed readable images' rows (ids below the new ones) are read back from the dataset:
                // the stream keeps only what the candidate stage needs of them (docs/streaming.md).
                await output.ReplaceTableAsync(DatasetTables.Images, RowMapping.ImageRows(plan, CommittedImageRows.Readable(target, first).Concat(newImages).OrderBy(i => i.ImageId)));
                await output.ReplaceTableAsync(DatasetTables.Rejections, RowMapping.RejectionRows(plan, state.QualityRejections.Concat(newRejections)));
            }
            var allBuckets = new SortedDictionary<int, BucketState>(state.Buckets);
            foreach (var (bucket, kept) in buckets) allBuckets[bucket] = kept;
            cpu.Mark("batch: light curves and appended parts");
            await WriteCatalogueAsync(output.Staging, work, plan, images, allBuckets.Values.ToList(), state.LightCurves, cancellation);
            cpu.Mark("batch: candidates");
            await JobRunner.WriteRunTablesAsync(output.Staging, context, config, plan, state.Planner.Count + plan.Unreadable.Count, plan.Unreadable.Count + state.QualityRejections.Count + newRejections.Count, _stages, clock.Elapsed,
                $"{engine.GetType().Name} x{engine.Parallelism} (trap stream)");
            foreach (var table in AppendedTables) await output.CompactAsync(table);
            Trap.Alerts.SentAlerts.CarryOver(target, output.Staging);
            state.Uncached.AddRange(added);
            if (DateTime.UtcNow - _cachesWrittenUtc > CacheCadence)
            {
                // Both grow with the stream, so they are extended on a cadence: older ones only cost work again (docs/streaming.md).
                WorkManifest.Append(work, context.ConfigText, state.Uncached);
                HeaderCache.Append(work, WorkManifest.HashOf(context.ConfigText), state.Uncached.Select(i => i.Header));
                state.Uncached.Clear();
                _cachesWrittenUtc = DateTime.UtcNow;
            }
            await File.WriteAllTextAsync(Path.Combine(output.Staging, JobRunner.RunLogFile), progress.TakeLog(), cancellation);
            cpu.Mark("batch: run tables, merges, caches");
            var commit = Stopwatch.StartNew();
            output.Commit();
            cpu.Mark("batch: commit");
            progress.Message($"trap stream: {added.Count} images appended in {clock.Elapsed.TotalSeconds:F2} s (staging {linkSeconds:F2} s, " +
                             string.Join(", ", _stages.Select(st => $"{st.Stage} {st.WallSeconds:F2} s")) + $", commit {commit.Elapsed.TotalSeconds:F2} s; " +
                             $"{readyAhead} of {added.Count} images extracted before the batch)");

            state.QualityRejections.AddRange(newRejections);
            foreach (var (bucket, kept) in buckets) state.Buckets[bucket] = kept;
        }
        catch
        {
            output.Abandon();
            throw;
        }
        // Right after the commit, before the live load: the timestep's alerts are what real time is for.
        await AlertDispatch.SendAsync(config.Alerts, target, progress, cancellation);
        cpu.Mark("batch: alerts");
    }

    /// <summary>
    /// The new images' extractions written to the work folder under their ids: those extracted as they
    /// arrived are taken (waiting for any still in work), the rest extracted here on the engine.
    /// </summary>
    private async Task<IReadOnlyList<ImageSummary>> ExtractAsync(IReadOnlyList<PlannedImage> added, WorkFolder work, CancellationToken cancellation)
    {
        var taken = added.Select(i => (Image: i, Extraction: ahead.Take(i.Header.Url))).ToList();
        var rest = taken.Where(t => t.Extraction is null).Select(t => new ImageWork(t.Image.ImageId, t.Image.Header.Url, work.Root)).ToList();
        var extractedHere = rest.Count == 0 ? [] : await engine.MapAsync<ExtractImageTask, ImageWork, ImageSummary>(context, rest, cancellation);
        var summaries = new List<ImageSummary>(extractedHere);
        foreach (var (image, extraction) in taken.Where(t => t.Extraction is not null))
        {
            summaries.Add((await extraction!.WaitAsync(cancellation)).WriteTo(work, image.ImageId, config.Association));
        }
        return summaries;
    }

    /// <summary>
    /// The plan of the arrived images after the committed ones, when they only append to it as a
    /// batch run would number them: readable, later than every committed timestep, and leaving every
    /// committed image's sky bucket as it was (docs/streaming.md "what falls back"). Only the arrived
    /// images are planned, and the plan holds them alone (<see cref="GrowingPlan"/>).
    /// </summary>
    private JobPlan Check(StreamState state, IReadOnlyList<PlanEntry> arrived)
    {
        if (state.WhyNotIncremental is { } why) throw new IncrementalFallbackException(why);
        var committedUntil = state.Planner.NewestStartUtc;
        // Images planning rejects are never associated, so only readable ones can come too late.
        if (arrived.FirstOrDefault(e => e.Rejection is null && e.StartUtc <= committedUntil) is { } straggler)
        {
            throw new IncrementalFallbackException($"{straggler.Url} belongs to a timestep already committed ({straggler.StartUtc:O}): the buckets are replayed from it");
        }
        JobPlan plan;
        try
        {
            plan = state.Planner.Extend(arrived);
        }
        catch (PlanChangedException changed)
        {
            throw new IncrementalFallbackException(changed.Message);
        }
        if (plan.Images.FirstOrDefault(i => i.Bucket >= AppendStaging.LevelSpan) is { } far)
        {
            throw new IncrementalFallbackException($"sky bucket {far.Bucket} has a number the appended parts use ({far.Header.Url})");
        }
        return plan;
    }

    /// <summary>
    /// Carries on each bucket with new images over them and returns those buckets. Their catalogues
    /// change in place: a batch that fails from here leaves the state to be rebuilt (the stream does).
    /// </summary>
    private async Task<Dictionary<int, BucketState>> ContinueBucketsAsync(StreamState state, ImageVerdicts verdicts, AppendStaging output, int part)
    {
        var next = new Dictionary<int, BucketState>();
        foreach (var (bucket, arrived) in verdicts.Buckets)
        {
            var kept = state.Buckets.GetValueOrDefault(bucket) ?? new BucketState(BucketReplay.NewCatalogue(config, context.ConfigSource));
            var steps = new CatalogueSteps(new BucketWork(bucket, output.Work.Root, output.Staging), config, part++);
            BucketReplay.Continue(kept.Catalogue, arrived, new StreamBucketSteps(steps, output.Work, context, engine.Parallelism));
            if (steps.Retired.Where(kept.AssociatedRuncats.Contains).Take(1).ToList() is [var forked])
            {
                throw new IncrementalFallbackException($"catalogue source {forked} of sky bucket {bucket} forked: its committed association rows must go");
            }
            kept.Add(steps, await steps.FinishAsync(kept.Catalogue));
            next[bucket] = kept;
        }
        return next;
    }

    /// <summary>The tables over the whole catalogue, written again each batch: monitors' sources, candidates and their VOEvents.</summary>
    private async Task WriteCatalogueAsync(string folder, WorkFolder work, JobPlan plan, IReadOnlyDictionary<long, CandidateImage> images, List<BucketState> buckets,
        KeptLightCurves lightCurves, CancellationToken cancellation)
    {
        // A monitor fitted in several buckets belongs to the first bucket's source, as in a batch run.
        var monitorRuncats = new Dictionary<long, long>();
        foreach (var m in buckets.SelectMany(b => b.MonitorRuncats)) monitorRuncats.TryAdd(m.MonitorId, m.RuncatId);
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Monitor,
            monitors.Select(m => RowMapping.Monitor(m, monitorRuncats.TryGetValue(m.Position.Id, out var runcat) ? runcat : null)));
        var catalogue = buckets.SelectMany(b => b.Catalogue.Sources()).ToList();
        await TimedAsync("candidates", catalogue.Count, "catalogue sources", () => CandidateStage.RunAsync(engine, context, folder, work.Root, config,
            new CandidateInputs(context.JobName, plan.Bands, images, buckets.SelectMany(b => b.NewSources).ToList(), catalogue,
                buckets.SelectMany(b => b.Catalogue.BandFluxes()).ToList()), DateTime.UtcNow, cancellation, lightCurves.In(folder)),
            candidates => candidates.Count, "candidates");
    }

    private static async Task AppendAsync<T>(string folder, string table, IEnumerable<T> rows, int part) where T : class, new()
    {
        await using var writer = new ParquetTableWriter<T>(folder, table, part);
        await writer.AddRangeAsync(rows);
    }

    /// <summary>Runs one step of the batch and keeps what it took in and gave out, and its time, as a row of the stages table.</summary>
    private async Task<T> TimedAsync<T>(string name, long count, string kind, Func<Task<T>> run, Func<T, long> outCount, string outKind)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await run();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        _stages.Add(RowMapping.Stage(_stages.Count + 1, name, count, kind, outCount(result), outKind, clock.Elapsed, cpu));
        return result;
    }
}
