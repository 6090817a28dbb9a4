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
/// candidate stage no longer reads the whole history. Kept for every source ever selected.
/// </summary>
internal sealed class KeptLightCurves(ExtractionConfig extraction)
{
    private readonly Dictionary<long, (int Band, List<LightCurvePoint> Points)> _kept = new();

    /// <summary>Light curves read from the dataset's tables (a source newly selected, or in another band).</summary>
    public int ReadFromDataset { get; private set; }

    /// <summary>Light curves given to the candidate stage, read or carried on.</summary>
    public int Served { get; private set; }

    /// <summary>Carries the kept curves on over one batch's rows: its own part files of the two tables.</summary>
    public async Task AddBatchAsync(IReadOnlyList<string> associationParts, IReadOnlyList<string> measurementParts, IReadOnlyDictionary<long, CandidateImage> images)
    {
        if (_kept.Count == 0) return;
        var added = await CandidateLightCurves.BuildAsync(_kept.ToDictionary(k => k.Key, k => k.Value.Band),
            Read<AssociationRow>(associationParts), Read<ExtractedSourceRow>(measurementParts), images, extraction);
        foreach (var (runcat, points) in added) _kept[runcat].Points.AddRange(points);
    }

    /// <summary>The curves for the candidate stage of a batch whose dataset (its tables with the batch's rows) is <paramref name="folder"/>.</summary>
    public ICandidateLightCurves In(string folder) => new BatchView(this, new DatasetLightCurves(folder, extraction));

    private static async IAsyncEnumerable<T> Read<T>(IReadOnlyList<string> parts) where T : class, new()
    {
        foreach (var part in parts)
        {
            await foreach (var row in ParquetTableReader.ReadAsync<T>(part)) yield return row;
        }
    }

    private sealed class BatchView(KeptLightCurves kept, DatasetLightCurves dataset) : ICandidateLightCurves
    {
        public async Task<Dictionary<long, List<LightCurvePoint>>> ForAsync(IReadOnlyList<BandSelection> selections, IReadOnlyDictionary<long, CandidateImage> images)
        {
            var missing = selections.Where(s => !kept._kept.TryGetValue(s.Metrics.RuncatId, out var k) || k.Band != s.Metrics.BandId).ToList();
            if (missing.Count > 0)
            {
                kept.ReadFromDataset += missing.Count;
                foreach (var (runcat, points) in await dataset.ForAsync(missing, images))
                    kept._kept[runcat] = (missing.First(s => s.Metrics.RuncatId == runcat).Metrics.BandId, points);
            }
            kept.Served += selections.Count;
            // Copies: the stage's callers own what they get.
            return selections.ToDictionary(s => s.Metrics.RuncatId, s => new List<LightCurvePoint>(kept._kept[s.Metrics.RuncatId].Points));
        }
    }
}
