using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Work;
using Trap.Science.Association;
using Trap.Science.Quality;

namespace Trap.Pipeline.Streaming;

/// <summary>One sky bucket as `trap stream` keeps it between batches: its running catalogue and what the candidates need of its history.</summary>
internal sealed class BucketState(RunningCatalogue catalogue)
{
    public RunningCatalogue Catalogue { get; } = catalogue;

    /// <summary>Catalogue sources with rows in the committed associations table (a later fork of one of them cannot be appended).</summary>
    public HashSet<long> AssociatedRuncats { get; } = new();

    public List<NewSourceRow> NewSources { get; } = new();

    public List<MonitorRuncat> MonitorRuncats { get; } = new();

    /// <summary>Takes in what one batch's steps over this bucket made.</summary>
    public void Add(CatalogueSteps steps, BucketTables tables)
    {
        AssociatedRuncats.UnionWith(steps.AssociatedRuncatIds);
        NewSources.AddRange(tables.NewSources);
        MonitorRuncats.AddRange(tables.MonitorRuncats);
    }
}

/// <summary>
/// What `trap stream` keeps in memory between batches to process a batch incrementally
/// (docs/streaming.md): the plan of the committed images (per band and region, nothing per image), the
/// historical QC's state, what the candidate stage reads of each image, per sky bucket the running catalogue, and the candidates' light curves. Rebuilt from the
/// dataset at start and after a batch that had to be a full appended run: the bucket replay of the
/// batch run over the dataset's work folder (no pixels are read but those of the rare forced fit a
/// run made inline). <see cref="WhyNotIncremental"/> says when the dataset's work folder lacks what the
/// incremental path needs (an image's extraction): the next batch is then a full appended run, which
/// writes it, and the state is rebuilt from that run's dataset. Disposed when the stream ends or rebuilds
/// it: it holds the file its older committed images went to.
/// </summary>
internal sealed class StreamState : IDisposable
{
    /// <summary>The plan of the committed images, extended by each batch (only its new images are planned; no record per image is kept).</summary>
    public GrowingPlan Planner { get; }

    /// <summary>The historical QC after the committed images: each batch goes on with its new ones alone.</summary>
    public RmsHistory QualityHistory { get; }

    /// <summary>
    /// The committed readable images by id, as the candidate stage reads them (taken as they are, not
    /// copied per batch): the newest in memory, the older in a file of the dataset's work folder, with
    /// 8 bytes in memory per 64 images (docs/streaming.md).
    /// </summary>
    public CommittedImages Images { get; }

    /// <summary>The quality control's rejections of committed images (written again whole when planning rejects images).</summary>
    public List<RejectionRow> QualityRejections { get; } = new();

    public SortedDictionary<int, BucketState> Buckets { get; } = new();

    /// <summary>The light curves of the sources the candidate stage selected (read once, then carried on).</summary>
    public KeptLightCurves LightCurves { get; }

    /// <summary>Committed images not yet in the work folder's manifest and header cache (extended on a cadence: docs/streaming.md).</summary>
    public List<PlannedImage> Uncached { get; } = new();

    private StreamState(JobConfig config, WorkFolder work)
    {
        Images = new CommittedImages(work.StreamImages);
        Planner = new GrowingPlan(config.Association);
        QualityHistory = new RmsHistory(config.Quality);
        LightCurves = new KeptLightCurves(config.Extraction, config.Association.VariabilityWindow);
    }

    /// <summary>Null when the next batch may be incremental; otherwise why not.</summary>
    public string? WhyNotIncremental { get; private set; }

    /// <summary>The state of the dataset at <paramref name="target"/> (none: an empty state).</summary>
    public static async Task<StreamState> RebuildAsync(string target, JobConfig config, JobContext context)
    {
        var work = new WorkFolder(Path.Combine(target, Output.DatasetFolder.WorkCacheFolder));
        var state = new StreamState(config, work);
        try
        {
            return await FillAsync(state, target, work, config, context);
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    private static async Task<StreamState> FillAsync(StreamState state, string target, WorkFolder work, JobConfig config, JobContext context)
    {
        var committed = CommittedImageRows.All(target).Select(r => r.Url).ToList();
        if (committed.Count == 0) return state;
        var headers = HeaderCache.Open(work, WorkManifest.HashOf(context.ConfigText));
        var drops = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var drop in JobRunner.EarlierDropsAsync(target)) drops.TryAdd(drop.Url, drop.Comment);
        var uncached = new HashSet<string>(StringComparer.Ordinal);
        var entries = committed.AsParallel()
            .Select(url =>
            {
                var header = headers.Find(url);
                if (header is null)
                {
                    header = new ReadHeaderTask().Run(url, context);
                    lock (uncached) uncached.Add(url);
                }
                return drops.TryGetValue(url, out var why) ? JobRunner.DroppedFromBacklog(header, why) : header;
            })
            .ToList();
        var plan = state.Planner.Extend(entries);
        state.Uncached.AddRange(plan.Images.Where(i => uncached.Contains(i.Header.Url)));
        var summaries = new List<ImageSummary>(plan.Images.Count);
        foreach (var image in plan.Images)
        {
            var summary = File.Exists(work.Summary(image.ImageId)) ? WorkFile.ReadValue<ImageSummary>(work.Summary(image.ImageId)) : null;
            if (summary?.ImageId != image.ImageId) return state.Refuse($"the dataset's work folder lacks the extraction of {image.Header.Url}");
            summaries.Add(summary);
        }
        var verdicts = ImageVerdicts.Continue(state.QualityHistory, plan.Images, summaries, config);
        foreach (var image in verdicts.Images) state.Images.Add(CandidateImage.Of(image));
        state.QualityRejections.AddRange(verdicts.Rejections);
        var scratch = Directory.CreateTempSubdirectory("trap-stream-replay-").FullName;
        try
        {
            foreach (var (bucket, images) in verdicts.Buckets)
            {
                var catalogue = BucketReplay.NewCatalogue(config, context.ConfigSource);
                var steps = new CatalogueSteps(new BucketWork(bucket, work.Root, scratch), config);
                BucketReplay.Continue(catalogue, images, steps);
                var tables = await steps.FinishAsync(catalogue);
                var kept = new BucketState(catalogue);
                kept.Add(steps, tables);
                state.Buckets[bucket] = kept;
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        return state;
    }

    public void Dispose() => Images.Dispose();

    private StreamState Refuse(string why)
    {
        WhyNotIncremental = why;
        return this;
    }
}
