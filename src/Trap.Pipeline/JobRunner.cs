using System.Diagnostics;
using Trap.Alerts;
using Trap.Configuration;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Work;
using Trap.Science.Quality;

namespace Trap.Pipeline;

/// <summary>
/// Runs a whole job on an engine (docs/architecture.md "The job, as data flows"): plan from headers; one map over
/// every image (ingest, QC statistics, blind extraction); the historical QC in observation order on
/// the per-image summaries; one reduce per sky bucket that associates its blind extractions in time
/// order in a single pass and asks for forced fits; one map of forced fits grouped by image; a final
/// reduce per bucket that folds the fits into fluxes, variability and expiration and writes the
/// bucket's tables; then the transient candidates with their VOEvents (sent to a broker once the
/// output is committed). Records move between stages as files in the working folder
/// (<see cref="WorkFolder"/>), never through the driver, so the driver's memory is bounded by the
/// number of images and catalogue sources, not measurements. The output replaces any earlier output
/// of the job only when the run completes, and only if Trap wrote it
/// (docs/outputs.md).
/// </summary>
public sealed class JobRunner
{

    private readonly IEngine _engine;
    private readonly ProgressReporter _progress;

    /// <summary>The run's messages up to its commit, time-stamped, in the output folder (docs/outputs.md).</summary>
    public const string RunLogFile = "run.log";

    public JobRunner(IEngine engine, ProgressReporter progress)
    {
        _engine = engine;
        _progress = progress;
    }

    /// <summary>
    /// What `trap run --dry-run` shows, with nothing written: the configuration, the matched images,
    /// the output's checks (safe to replace?) and the plan from the images' headers.
    /// </summary>
    public async Task<JobPreview> PlanAsync(string jobFolderOrFile, string? outputOverride = null, CancellationToken cancellation = default)
    {
        var job = Prepare(jobFolderOrFile, outputOverride);
        DatasetFolder.RefuseForeignTarget(job.OutputFolder);
        return job with { Plan = await ReadPlanAsync(job, cancellation) };
    }

    /// <param name="append">
    /// Re-use the work the job's existing dataset keeps (`_work`) for images already processed under the
    /// same configuration (`trap run --append`): the result is the dataset a full run gives.
    /// </param>
    /// <param name="imagesUntilUtc">Only images that start at or before this time (and unreadable ones); later ones wait for another run (`trap stream`).</param>
    /// <param name="dropped">
    /// Images `trap stream` drops from its backlog (path → why): rejected with reason stream_backlog,
    /// never read. An appended run keeps the earlier runs' drops.
    /// </param>
    public async Task<RunSummary> RunAsync(string jobFolderOrFile, string? outputOverride = null, CancellationToken cancellation = default,
        bool append = false, DateTime? imagesUntilUtc = null, IReadOnlyDictionary<string, string>? dropped = null)
    {
        var clock = Stopwatch.StartNew();
        _progress.StartLog();
        try
        {
            return await RunLoggedAsync(jobFolderOrFile, outputOverride, clock, cancellation, append, imagesUntilUtc, dropped);
        }
        finally
        {
            _progress.TakeLog();
        }
    }

    private async Task<RunSummary> RunLoggedAsync(string jobFolderOrFile, string? outputOverride, Stopwatch clock, CancellationToken cancellation,
        bool append, DateTime? imagesUntilUtc, IReadOnlyDictionary<string, string>? dropped)
    {
        var job = Prepare(jobFolderOrFile, outputOverride);
        var (outputFolder, context, config) = (job.OutputFolder, job.Context, job.Config);
        // Before any work: this run becomes the output's only writer.
        using var output = DatasetFolder.Open(outputFolder);
        JobPlan plan;
        var counts = new RunCounts();
        try
        {
            if (append) EarlierImagesMissingException.ThrowIfAny(outputFolder, job.MatchedImages);
            var work = new WorkFolder(Path.Combine(output.Staging, DatasetFolder.WorkCacheFolder));
            Directory.CreateDirectory(work.Root);
            var configHash = WorkManifest.HashOf(context.ConfigText);
            var headers = append ? HeaderCache.Open(new WorkFolder(Path.Combine(outputFolder, DatasetFolder.WorkCacheFolder)), configHash) : HeaderCache.Empty(configHash);
            var drops = new Dictionary<string, string>(dropped ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            if (append) await foreach (var earlier in EarlierDropsAsync(outputFolder)) drops.TryAdd(earlier.Url, earlier.Comment);
            plan = await StageAsync(counts, "plan", job.MatchedImages.Count, "image files",
                () => ReadPlanAsync(job, cancellation, imagesUntilUtc, headers, read => HeaderCache.Write(work, configHash, read), drops),
                p => p.Images.Count, "planned images");
            var manifest = WorkManifest.For(plan, context.ConfigText);
            manifest.Write(work);
            var cache = append ? WorkCache.Open(outputFolder, manifest) : null;
            if (append) _progress.Message(cache is null
                ? "trap: --append: no earlier work of this configuration in the output; processing every image"
                : $"trap: --append: {cache.Matching} images are unchanged since the earlier run");
            await RunStagesAsync(counts, work, cache, output.Staging, context, config, plan, job.Monitors, cancellation);
            OutputFolders.RemoveAbandonedPartials(output.Staging);
            await WriteRunTablesAsync(output.Staging, context, config, plan, plan.Images.Count + plan.Unreadable.Count, counts.Rejected, counts.Stages, clock.Elapsed, $"{_engine.GetType().Name} x{_engine.Parallelism}");
            SentAlerts.CarryOver(outputFolder, output.Staging);
            await File.WriteAllTextAsync(Path.Combine(output.Staging, RunLogFile), _progress.TakeLog(), cancellation);
            output.Commit();
        }
        catch
        {
            output.Abandon();
            throw;
        }
        var alerts = await AlertDispatch.SendAsync(config.Alerts, outputFolder, _progress, cancellation);
        return new RunSummary(outputFolder, plan.Images.Count + plan.Unreadable.Count, counts.Rejected, counts.Sources,
            counts.CatalogueSources, counts.NewSources, counts.Candidates, alerts, clock.Elapsed);
    }

    /// <summary>The job file, its configuration and matched images, and an output that may hold the dataset (no side effects).</summary>
    private JobPreview Prepare(string jobFolderOrFile, string? outputOverride)
    {
        var jobFile = Path.GetFullPath(Directory.Exists(jobFolderOrFile) ? Path.Combine(jobFolderOrFile, JobConfig.FileName) : jobFolderOrFile);
        var jobFolder = Path.GetDirectoryName(jobFile)!;
        var config = JobConfig.Load(jobFile);
        var context = ContextOf(jobFile, config);
        var monitors = MonitorList.Load(config, jobFile);
        var urls = ImageGlob.Expand(config.Job.Images, jobFolder, warning => _progress.Message("trap: warning: " + warning));
        if (urls.Count == 0)
        {
            throw new JobConfigException(jobFile, 0, $"no images match images = {config.Job.Images} (relative to {jobFolder})");
        }
        var outputFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputOverride ?? Path.Combine(jobFolder, config.Job.Output)));
        OutputPlacement.Check(outputFolder, jobFile, urls);
        return new JobPreview(jobFile, outputFolder, context, config, monitors, urls, null);
    }

    /// <summary>What the engine's tasks get of the job: its name (the job folder's when the configuration names none) and configuration.</summary>
    internal static JobContext ContextOf(string jobFile, JobConfig config) =>
        new(config.Job.Name.Length > 0 ? config.Job.Name : new DirectoryInfo(Path.GetDirectoryName(jobFile)!).Name, config.SourceText, jobFile);

    /// <summary>
    /// Stage 1: every image's header (from <paramref name="cache"/> when its file is unchanged), then
    /// ids, timesteps, bands, regions and buckets. <paramref name="read"/> gets every header, also those
    /// of images left for a later run.
    /// </summary>
    private async Task<JobPlan> ReadPlanAsync(JobPreview job, CancellationToken cancellation, DateTime? imagesUntilUtc = null,
        HeaderCache? cache = null, Action<IReadOnlyList<PlanEntry>>? read = null, IReadOnlyDictionary<string, string>? dropped = null)
    {
        var cached = job.MatchedImages.Select(url => cache?.Find(url)).ToList();
        var toRead = job.MatchedImages.Where((_, i) => cached[i] is null).ToList();
        _progress.Message($"trap: {job.MatchedImages.Count} images, reading {toRead.Count} headers" +
                          (toRead.Count < job.MatchedImages.Count ? $" ({job.MatchedImages.Count - toRead.Count} unchanged since the earlier run)" : ""));
        var fresh = await _engine.MapAsync<ReadHeaderTask, string, PlanEntry>(job.Context, toRead, cancellation);
        var next = 0;
        IReadOnlyList<PlanEntry> headers = cached.Select(c => c ?? fresh[next++]).ToList();
        read?.Invoke(headers);
        if (dropped is { Count: > 0 })
        {
            headers = headers.Select(h => dropped.TryGetValue(h.Url, out var why) ? DroppedFromBacklog(h, why) : h).ToList();
        }
        if (imagesUntilUtc is { } until) headers = headers.Where(h => h.Rejection is not null || h.StartUtc <= until).ToList();
        var plan = JobPlanner.Plan(headers, job.Config.Association);
        _progress.Message($"trap: {plan.Timesteps.Count} timesteps, {plan.Bands.Count} bands, {plan.Regions.Count} sky regions, " +
                          $"{plan.Images.Select(i => i.Bucket).Distinct().Count()} sky buckets; engine {_engine.GetType().Name} x{_engine.Parallelism}");
        return plan;
    }

    /// <summary>The stages of docs/architecture.md "The job, as data flows": two barriers in all, none per timestep.</summary>
    private async Task RunStagesAsync(RunCounts counts, WorkFolder work, WorkCache? cache, string folder, JobContext context, JobConfig config,
        JobPlan plan, IReadOnlyList<MonitorList.Entry> monitors, CancellationToken cancellation)
    {
        var adopted = new Dictionary<long, ImageSummary>();
        foreach (var image in cache is null ? Array.Empty<PlannedImage>() : plan.Images)
        {
            if (cache!.AdoptExtraction(image.ImageId, work) is { } earlier) adopted[image.ImageId] = earlier;
        }
        var images = plan.Images.Where(i => !adopted.ContainsKey(i.ImageId)).Select(i => new ImageWork(i.ImageId, i.Header.Url, work.Root)).ToList();
        _progress.Start(images.Count);
        var extracted = await StageAsync(counts, "extraction", images.Count, "images",
            () => _engine.MapAsync<ExtractImageTask, ImageWork, ImageSummary>(context, images, cancellation, _progress),
            s => s.Sum(i => (long)i.SourceCount), "extracted sources");
        var byId = extracted.ToDictionary(s => s.ImageId);
        var summaries = plan.Images.Select(i => adopted.TryGetValue(i.ImageId, out var s) ? s : byId[i.ImageId]).ToList();

        var verdicts = ImageVerdicts.Apply(plan, summaries, config);
        foreach (var (bucket, bucketImages) in verdicts.Buckets) BucketReplay.WriteImages(work, bucket, bucketImages);
        var buckets = verdicts.Buckets.Keys.Select(b => new BucketWork(b, work.Root, folder)).ToList();
        var requests = await StageAsync(counts, "association", buckets.Count, "sky buckets",
            () => _engine.MapAsync<AssociationTask, BucketWork, BucketRequests>(context, buckets, cancellation),
            r => r.Sum(b => b.Images.Sum(i => (long)i.Count)), "forced-fit requests");

        var fits = requests.SelectMany(r => r.Images).Where(i => cache?.AdoptForcedFits(i.ImageId, work) != true)
            .Select(i => new ForcedFitWork(i.ImageId, i.Url, work.Root)).ToList();
        await StageAsync(counts, "forced fits", fits.Count, "images",
            () => _engine.MapAsync<ForcedFitTask, ForcedFitWork, ForcedFitSummary>(context, fits, cancellation),
            f => f.Sum(i => (long)i.Measured), "forced fits");

        var tables = await StageAsync(counts, "catalogue", buckets.Count, "sky buckets",
            () => _engine.MapAsync<CatalogueTask, BucketWork, BucketTables>(context, buckets, cancellation),
            t => t.Sum(b => (long)b.Catalogue.Count), "catalogue sources");
        var inline = tables.Sum(t => t.InlineForcedFits);
        if (inline > 0) _progress.Message($"trap: {inline} forced fits made in the catalogue stage (earlier fits of their sources failed)");
        if (buckets.Count == 0) await WriteEmptyBucketTablesAsync(folder);

        var imageRows = RowMapping.ImageRows(plan, verdicts.Images);
        var rejections = RowMapping.RejectionRows(plan, verdicts.Rejections);
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Images, imageRows);
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Rejections, rejections);
        counts.Rejected = rejections.Count;
        counts.Sources = tables.Sum(t => t.Sources);
        counts.NewSources = tables.Sum(t => t.NewSourceCount);
        var catalogue = tables.SelectMany(t => t.Catalogue).ToList();
        counts.CatalogueSources = catalogue.Count;

        var monitorRuncats = new Dictionary<long, long>();
        foreach (var m in tables.SelectMany(t => t.MonitorRuncats)) monitorRuncats.TryAdd(m.MonitorId, m.RuncatId);
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Monitor, monitors.Select(m => RowMapping.Monitor(m, monitorRuncats.TryGetValue(m.Position.Id, out var runcat) ? runcat : null)));
        var candidates = await StageAsync(counts, "candidates", catalogue.Count, "catalogue sources", () => CandidateStage.RunAsync(_engine, context, folder, work.Root, config,
            new CandidateInputs(context.JobName, plan.Bands, imageRows.ToDictionary(i => i.ImageId, CandidateImage.Of), tables.SelectMany(t => t.NewSources).ToList(), catalogue,
                tables.SelectMany(t => t.Fluxes).ToList()), DateTime.UtcNow, cancellation), c => c.Count, "candidates");
        counts.Candidates = candidates.Count;
    }

    /// <summary>An image `trap stream` dropped from its backlog: rejected with reason stream_backlog, its pixels never read.</summary>
    internal static PlanEntry DroppedFromBacklog(PlanEntry header, string why) =>
        header with { Rejection = ImageQualityControl.Unreadable(header.Url, RejectReason.StreamBacklog, why).ToRecord() };

    /// <summary>The images earlier runs of a stream dropped from its backlog (none when there is no dataset yet).</summary>
    internal static async IAsyncEnumerable<RejectionRow> EarlierDropsAsync(string outputFolder)
    {
        if (ParquetTableReader.Parts(outputFolder, DatasetTables.Rejections).Count == 0) yield break;
        await foreach (var rejection in ParquetTableReader.ReadTableAsync<RejectionRow>(outputFolder, DatasetTables.Rejections))
        {
            if (rejection.ReasonId == RejectReason.StreamBacklog.Id) yield return rejection;
        }
    }

    /// <summary>
    /// Runs one stage, says in the log what it took in and gave out and how long it ran, and keeps the
    /// same as a row of the stages table.
    /// </summary>
    private async Task<T> StageAsync<T>(RunCounts counts, string name, long count, string what, Func<Task<T>> run, Func<T, long> outCount, string outWhat)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await run();
        // CPU of this process: on a local engine the stage's own; on a cluster the driver's.
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var produced = outCount(result);
        _progress.Message($"trap: {name}: {count} {what} → {produced} {outWhat} in {clock.Elapsed.TotalSeconds:F1} s (CPU {cpu.TotalSeconds:F1} s here)");
        counts.Stages.Add(RowMapping.Stage(counts.Stages.Count + 1, name, count, what, produced, outWhat, clock.Elapsed, cpu));
        return result;
    }

    /// <summary>With no readable image no bucket writes its tables: give each its schema, so readers find every table.</summary>
    private static async Task WriteEmptyBucketTablesAsync(string folder)
    {
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.ExtractedSources, Array.Empty<ExtractedSourceRow>());
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Associations, Array.Empty<AssociationRow>());
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.NewSources, Array.Empty<NewSourceRow>());
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.RunningCatalogue, Array.Empty<RunningCatalogueRow>());
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.RunningCatalogueFlux, Array.Empty<CatalogueFluxRow>());
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Variability, Array.Empty<VariabilityRow>());
    }


    /// <summary>
    /// The tables that describe the job and the run: bands, regions, settings, stages and the dataset row (also `trap stream`'s
    /// batches, whose <paramref name="plan"/> holds the batch's own images: <paramref name="images"/> counts the dataset's).
    /// </summary>
    internal static async Task WriteRunTablesAsync(string folder, JobContext job, JobConfig config, JobPlan plan, int images, int rejected,
        IReadOnlyList<StageRow> stages, TimeSpan elapsed, string engine)
    {
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.FrequencyBands, plan.Bands.Select(RowMapping.Band));
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.SkyRegions, plan.Regions.Select(RowMapping.Region));
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Config, config.Settings().Select(RowMapping.Setting));
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Stages, stages);
        var end = DateTime.UtcNow;
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Dataset, new[]
        {
            RowMapping.Dataset(job.JobName, job.ConfigSource, config.Job.Description, end - elapsed, end,
                images, rejected, engine),
        });
    }

    private sealed class RunCounts
    {
        public int Rejected { get; set; }
        public long Sources { get; set; }
        public long CatalogueSources { get; set; }
        public long NewSources { get; set; }
        public int Candidates { get; set; }
        public List<StageRow> Stages { get; } = new();
    }
}
