using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Stages;
using Trap.Science.Candidates;
using Trap.Science.Extraction;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The candidates' light curves as `trap stream` keeps them between batches (docs/streaming.md): a
/// source's curve in its selected band is read from the dataset's tables the first time it is
/// selected (or selected in another band), then carried on with each batch's own rows, so a batch's
/// candidate stage no longer reads the whole history. A source not selected for more than
/// <c>forgetAfterBatches</c> batches is forgotten, and read again if it is selected again
/// (the tables hold the same curve: the candidates are the same either way), so the curves kept are
/// those of the sources selected lately, not of every source ever selected; each holds at most the
/// variability window's last points (<paramref name="window"/>, 0: whole), as the candidate stage reads them.
/// </summary>
internal sealed class KeptLightCurves(ExtractionConfig extraction, int window, int forgetAfterBatches = KeptLightCurves.DefaultForgetAfterBatches)
{
    /// <summary>About 10 s of one-timestep batches at AARTFAAC's 6 timesteps/s: a source flickering across the selection faster is kept.</summary>
    public const int DefaultForgetAfterBatches = 64;

    private sealed class Kept(int band, List<LightCurvePoint> points)
    {
        public int Band { get; } = band;

        public List<LightCurvePoint> Points { get; } = points;

        public int LastSelected { get; set; }
    }

    private readonly Dictionary<long, Kept> _kept = new();
    private int _batches;

    /// <summary>Light curves read from the dataset's tables (a source newly selected, selected again after it was forgotten, or in another band).</summary>
    public int ReadFromDataset { get; private set; }

    /// <summary>Light curves given to the candidate stage, read or carried on.</summary>
    public int Served { get; private set; }

    /// <summary>Sources whose curves are kept now.</summary>
    public int Count => _kept.Count;

    /// <summary>The points of the curves kept now.</summary>
    public long Points => _kept.Values.Sum(k => (long)k.Points.Count);

    /// <summary>Carries the kept curves on over one batch's rows: its own part files of the two tables.</summary>
    public async Task AddBatchAsync(IReadOnlyList<string> associationParts, IReadOnlyList<string> measurementParts, IReadOnlyDictionary<long, CandidateImage> images)
    {
        if (_kept.Count == 0) return;
        var added = await CandidateLightCurves.BuildAsync(_kept.ToDictionary(k => k.Key, k => k.Value.Band),
            Read<AssociationRow>(associationParts), Read<ExtractedSourceRow>(measurementParts), images, extraction, window);
        foreach (var (runcat, points) in added)
        {
            _kept[runcat].Points.AddRange(points);
            CandidateLightCurves.Window(_kept[runcat].Points, window);
        }
    }

    /// <summary>The curves for the candidate stage of a batch whose dataset (its tables with the batch's rows) is <paramref name="folder"/>.</summary>
    public ICandidateLightCurves In(string folder) => new BatchView(this, new DatasetLightCurves(folder, extraction, window));

    private static async IAsyncEnumerable<T> Read<T>(IReadOnlyList<string> parts) where T : class, new()
    {
        foreach (var part in parts)
        {
            await foreach (var row in ParquetTableReader.ReadAsync<T>(part)) yield return row;
        }
    }

    /// <summary>Forgets the sources last selected more than <c>forgetAfterBatches</c> batches ago.</summary>
    private void ForgetUnselected()
    {
        foreach (var runcat in _kept.Where(k => _batches - k.Value.LastSelected > forgetAfterBatches).Select(k => k.Key).ToList()) _kept.Remove(runcat);
    }

    private sealed class BatchView(KeptLightCurves kept, DatasetLightCurves dataset) : ICandidateLightCurves
    {
        public async Task<Dictionary<long, List<LightCurvePoint>>> ForAsync(IReadOnlyList<BandSelection> selections, IReadOnlyDictionary<long, CandidateImage> images)
        {
            var batch = ++kept._batches;
            var missing = selections.Where(s => !kept._kept.TryGetValue(s.Metrics.RuncatId, out var k) || k.Band != s.Metrics.BandId).ToList();
            if (missing.Count > 0)
            {
                kept.ReadFromDataset += missing.Count;
                foreach (var (runcat, points) in await dataset.ForAsync(missing, images))
                    kept._kept[runcat] = new Kept(missing.First(s => s.Metrics.RuncatId == runcat).Metrics.BandId, points);
            }
            foreach (var selection in selections) kept._kept[selection.Metrics.RuncatId].LastSelected = batch;
            kept.Served += selections.Count;
            // Copies: the stage's callers own what they get.
            var curves = selections.ToDictionary(s => s.Metrics.RuncatId, s => new List<LightCurvePoint>(kept._kept[s.Metrics.RuncatId].Points));
            kept.ForgetUnselected();
            return curves;
        }
    }
}
