using System.Diagnostics;
using Trap.Alerts;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Output.Rows;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Stages;
using Trap.Science.Association;
using Trap.Science.Quality;

namespace Trap.Pipeline;

/// <summary>
/// Runs a whole job on an engine (DESIGN "The job, as data flows"): plan from headers; then timestep
/// by timestep a map over images (ingest, QC, extraction), the historical QC check in observation
/// order, a keyed reduce by sky bucket (blind association), a map of forced fits and a second keyed
/// reduce (their association); finally the catalogue, flux and variability tables, and the transient
/// candidates with their VOEvents (sent to a broker once the output is committed). Rows stream to
/// Parquet as they are made, so memory holds the catalogue and one timestep, not the whole run.
/// The output replaces any earlier output of the job only when the run completes.
/// </summary>
public sealed class JobRunner
{
    private readonly IEngine _engine;
    private readonly ProgressReporter _progress;

    public JobRunner(IEngine engine, ProgressReporter progress)
    {
        _engine = engine;
        _progress = progress;
    }

    public async Task<RunSummary> RunAsync(string jobFolderOrFile, string? outputOverride = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var jobFile = Path.GetFullPath(Directory.Exists(jobFolderOrFile) ? Path.Combine(jobFolderOrFile, JobConfig.FileName) : jobFolderOrFile);
        var jobFolder = Path.GetDirectoryName(jobFile)!;
        var config = JobConfig.Load(jobFile);
        var context = new JobContext(new DirectoryInfo(jobFolder).Name, config.SourceText, jobFile);
        var monitors = MonitorList.Load(config, jobFile);
        var urls = ImageGlob.Expand(config.Job.Images, jobFolder, warning => _progress.Message("trap: warning: " + warning));
        if (urls.Count == 0)
        {
            throw new JobConfigException(jobFile, 0, $"no images match images = {config.Job.Images} (relative to {jobFolder})");
        }
        var outputFolder = Path.GetFullPath(outputOverride ?? Path.Combine(jobFolder, config.Job.Output));

        _progress.Message($"trap: {urls.Count} images, reading headers");
        var headers = await _engine.MapAsync<ReadHeaderTask, string, PlanEntry>(context, urls, cancellation);
        var plan = JobPlanner.Plan(headers, config.Association);
        _progress.Message($"trap: {plan.Timesteps.Count} timesteps, {plan.Bands.Count} bands, {plan.Regions.Count} sky regions, " +
                          $"{plan.Images.Select(i => i.Bucket).Distinct().Count()} sky buckets; engine {_engine.GetType().Name} x{_engine.Parallelism}");

        var output = new DatasetFolder(outputFolder);
        try
        {
            var run = new TimestepProcessor(_engine, context, config, plan);
            var counts = await WriteRunAsync(run, output.Staging, context, config, plan, monitors, cancellation);
            await WriteDatasetAsync(output.Staging, context.JobName, config, plan, counts, clock);
            output.Commit();
            var delivered = await SendAlertsAsync(config.Alerts, outputFolder, cancellation);
            return new RunSummary(outputFolder, plan.Images.Count + plan.Unreadable.Count, counts.Rejected, counts.Sources,
                counts.CatalogueSources, counts.NewSources, counts.Candidates, delivered, clock.Elapsed);
        }
        catch
        {
            output.Abandon();
            throw;
        }
    }

    private async Task<RunCounts> WriteRunAsync(TimestepProcessor run, string folder, JobContext context, JobConfig config, JobPlan plan,
        IReadOnlyList<MonitorList.Entry> monitors, CancellationToken cancellation)
    {
        var counts = new RunCounts();
        var retired = new HashSet<long>();
        var monitorRuncats = new Dictionary<long, long>();
        var imageRows = new List<ImageRow>();
        var newSourceRows = new List<NewSourceRow>();
        await using var writer = new DatasetWriter(folder);
        foreach (var failed in plan.Unreadable)
        {
            var failedRow = new ImageRow { ImageId = failed.ImageId, Url = failed.Header.Url, Accepted = false };
            imageRows.Add(failedRow);
            await writer.Images.AddAsync(failedRow);
            var rejection = failed.Header.Rejection!;
            await writer.Rejections.AddAsync(new RejectionRow
            {
                ImageId = failed.ImageId, Url = failed.Header.Url, ReasonId = rejection.ReasonId,
                Reason = rejection.ReasonName, Comment = rejection.Explanation,
            });
            counts.Rejected++;
        }

        var history = new RmsHistory(config.Quality);
        _progress.Start(plan.Images.Count);
        var done = 0;
        foreach (var timestep in plan.Timesteps)
        {
            cancellation.ThrowIfCancellationRequested();
            var step = await run.ProcessAsync(timestep, history, cancellation);
            imageRows.AddRange(step.Images);
            newSourceRows.AddRange(step.NewSources);
            foreach (var row in step.Images) await writer.Images.AddAsync(row);
            foreach (var row in step.Rejections) await writer.Rejections.AddAsync(row);
            foreach (var row in step.Sources) await writer.ExtractedSources.AddAsync(row);
            foreach (var row in step.NewSources) await writer.NewSources.AddAsync(row);
            await writer.AddAssociationsAsync(step.Associations);
            foreach (var id in step.Retired) retired.Add(id);
            foreach (var (monitor, runcat) in step.MonitorRuncats) monitorRuncats.TryAdd(monitor, runcat);
            counts.Rejected += step.Rejections.Count;
            counts.Sources += step.Sources.Count;
            counts.NewSources += step.NewSources.Count;
            done += timestep.Count;
            _progress.Update(done, timestep[0].Timestep + 1, plan.Timesteps.Count);
        }
        await writer.FinishAsync(retired);

        // The last round over the catalogues: each bucket emits its tables where it lives.
        var buckets = plan.Images.Select(i => i.Bucket).Distinct().Select(b => new FinishCatalogueWork(b)).ToList();
        var catalogues = await _engine.ReduceByKeyAsync<FinishCatalogueTask, int, FinishCatalogueWork, RunningCatalogue, CatalogueTables>(
            context, CatalogueState.Stage, buckets, w => w.Bucket, Comparer<FinishCatalogueWork>.Create((_, _) => 0), cancellation);
        var catalogue = catalogues.SelectMany(c => c.Sources).ToList();
        var fluxes = catalogues.SelectMany(c => c.Fluxes).ToList();
        var sources = catalogue.Select(RowMapping.Catalogue).ToList();
        counts.CatalogueSources = sources.Count;
        await writer.WriteTableAsync(DatasetTables.RunningCatalogue, sources);
        await writer.WriteTableAsync(DatasetTables.RunningCatalogueFlux, fluxes.Select(RowMapping.Flux));
        await writer.WriteTableAsync(DatasetTables.Variability,
            catalogues.SelectMany(c => c.Summaries).Select(RowMapping.Variability));
        await writer.WriteTableAsync(DatasetTables.Monitor, monitors.Select(m => new MonitorRow
        {
            MonitorId = m.Position.Id, RaDeg = m.Position.RaDeg, DecDeg = m.Position.DecDeg, Name = m.Name,
            RuncatId = monitorRuncats.TryGetValue(m.Position.Id, out var runcat) ? runcat : null,
        }));
        var candidates = await CandidateStage.RunAsync(folder, config,
            new CandidateInputs(context.JobName, plan.Bands, imageRows, newSourceRows, catalogue, fluxes), DateTime.UtcNow);
        counts.Candidates = candidates.Count;
        return counts;
    }

    /// <summary>Sends the committed dataset's VOEvents when [alerts] broker is set; returns how many the broker acknowledged.</summary>
    private async Task<int> SendAlertsAsync(AlertConfig alerts, string outputFolder, CancellationToken cancellation)
    {
        if (alerts.Broker.Length == 0 || !alerts.WriteVoevents) return 0;
        var results = await VoEventFolder.SendAllAsync(Path.Combine(outputFolder, DatasetTables.VoEventsFolder),
            VoEventSender.From(alerts), message => _progress.Message("trap: " + message), cancellation);
        var acked = results.Count(r => r.Acknowledged);
        _progress.Message($"trap: {acked} VOEvents acknowledged by broker {alerts.Broker}");
        return acked;
    }

    private async Task WriteDatasetAsync(string folder, string jobName, JobConfig config, JobPlan plan, RunCounts counts, Stopwatch clock)
    {
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.FrequencyBands, plan.Bands.Select(b => new FrequencyBandRow
        {
            BandId = b.Id, FreqCentralHz = b.CentralHz, FreqLowHz = b.LowHz, FreqHighHz = b.HighHz,
        }));
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.SkyRegions, plan.Regions.Select(r => new SkyRegionRow
        {
            SkyRegionId = r.Id, CentreRaDeg = r.CentreRaDeg, CentreDecDeg = r.CentreDecDeg, XtrRadiusDeg = r.RadiusDeg,
        }));
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Config, config.Settings().Select(s => new ConfigRow
        {
            Section = s.Section, Key = s.Key, Value = s.Value, Type = s.Type,
        }));
        var end = DateTime.UtcNow;
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Dataset, new[]
        {
            new DatasetRow
            {
                Name = jobName,
                Description = config.Job.Description,
                ProcessStartUtc = end - clock.Elapsed,
                ProcessEndUtc = end,
                NImages = plan.Images.Count + plan.Unreadable.Count,
                NRejected = counts.Rejected,
                Engine = $"{_engine.GetType().Name} x{_engine.Parallelism}",
            },
        });
    }

    private sealed class RunCounts
    {
        public int Rejected { get; set; }
        public long Sources { get; set; }
        public long CatalogueSources { get; set; }
        public long NewSources { get; set; }
        public int Candidates { get; set; }
    }
}
