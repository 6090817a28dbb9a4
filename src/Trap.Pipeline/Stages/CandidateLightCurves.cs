using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Science.Candidates;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Background;

namespace Trap.Pipeline.Stages;

/// <summary>Where the candidate stage gets its selected sources' light curves (each in its selected band).</summary>
public interface ICandidateLightCurves
{
    Task<Dictionary<long, List<LightCurvePoint>>> ForAsync(IReadOnlyList<BandSelection> selections, IReadOnlyDictionary<long, CandidateImage> images);
}

/// <summary>
/// Light curves read from a dataset folder's associations and extracted_sources tables (streamed,
/// keeping only the wanted rows): what a run's candidate stage uses (docs/architecture.md, stage 7).
/// </summary>
/// <param name="window">[association] variability_window: each curve is its band's last this many points (0: whole).</param>
public sealed class DatasetLightCurves(string folder, ExtractionConfig extraction, int window) : ICandidateLightCurves
{
    public Task<Dictionary<long, List<LightCurvePoint>>> ForAsync(IReadOnlyList<BandSelection> selections, IReadOnlyDictionary<long, CandidateImage> images) =>
        CandidateLightCurves.BuildAsync(selections.ToDictionary(s => s.Metrics.RuncatId, s => s.Metrics.BandId),
            ParquetTableReader.ReadTableAsync<AssociationRow>(folder, DatasetTables.Associations),
            ParquetTableReader.ReadTableAsync<ExtractedSourceRow>(folder, DatasetTables.ExtractedSources), images, extraction, window);
}

/// <summary>Turns association rows and their measurements into light-curve points (shared by a run and `trap stream`).</summary>
public static class CandidateLightCurves
{
    /// <summary>
    /// The light curve of each source of <paramref name="bandOf"/> in its band, from the given rows, in
    /// processing order (time, then image id: a batch run's row order, whatever order the parts hold):
    /// its last <paramref name="window"/> points, the variability window's (0: every point; docs/science.md §8.4).
    /// </summary>
    public static async Task<Dictionary<long, List<LightCurvePoint>>> BuildAsync(IReadOnlyDictionary<long, int> bandOf,
        IAsyncEnumerable<AssociationRow> associations, IAsyncEnumerable<ExtractedSourceRow> measurements,
        IReadOnlyDictionary<long, CandidateImage> images, ExtractionConfig extraction, int window)
    {
        var all = new List<AssociationRow>();
        await foreach (var row in associations)
        {
            if (bandOf.TryGetValue(row.RuncatId, out var band) && band == row.BandId) all.Add(row);
        }
        var rows = all.GroupBy(r => r.RuncatId)
            .SelectMany(g => Window(g.OrderBy(r => r.TimeUtc).ThenBy(r => r.ImageId).ToList(), window))
            .ToList();
        var wanted = rows.Select(r => r.SourceId).ToHashSet();
        var measured = new Dictionary<long, ExtractedSourceRow>();
        if (wanted.Count > 0)
        {
            await foreach (var source in measurements)
            {
                if (wanted.Contains(source.SourceId)) measured[source.SourceId] = source;
            }
        }
        var curves = bandOf.Keys.ToDictionary(r => r, _ => new List<LightCurvePoint>());
        // Each source's rows are in processing order already (above).
        foreach (var row in rows)
        {
            curves[row.RuncatId].Add(Point(row, images[row.ImageId], measured.GetValueOrDefault(row.SourceId), extraction));
        }
        return curves;
    }

    /// <summary>The last <paramref name="window"/> of a curve's points in processing order (all of them when the window is 0).</summary>
    public static List<T> Window<T>(List<T> points, int window)
    {
        if (window > 0 && points.Count > window) points.RemoveRange(0, points.Count - window);
        return points;
    }

    private static LightCurvePoint Point(AssociationRow row, CandidateImage image, ExtractedSourceRow? measurement, ExtractionConfig extraction)
    {
        // Light curves hold accepted images only, whose geometry is always known; NaN keeps a missing value out of every test.
        var beamFwhmDeg = 2 * image.RbSmajDeg ?? double.NaN;
        var pixelDeg = Math.Abs(image.DeltayDeg ?? double.NaN);
        var edgeBeams = double.NaN;
        var centreFraction = double.NaN;
        if (measurement is not null && pixelDeg > 0 && beamFwhmDeg > 0 && image is { WidthPx: { } width, HeightPx: { } height })
        {
            double x = measurement.XPix, y = measurement.YPix, radiusPx = extraction.ExtractionRadiusPix;
            // From the border of the searched area (margin and circle, as the extraction mask), not the image's.
            var edgePx = ExtractionMask.DistanceInside(x, y, width, height, extraction.Margin, radiusPx);
            edgeBeams = edgePx * pixelDeg / beamFwhmDeg;
            var fromCentrePx = Math.Sqrt(Math.Pow(x - (width - 1) / 2.0, 2) + Math.Pow(y - (height - 1) / 2.0, 2));
            centreFraction = radiusPx > 0 ? fromCentrePx / radiusPx : double.NaN;
        }
        var isForced = measurement is null ? row.Type is 7 or 8 or 9 : measurement.ExtractType != 0;
        return new LightCurvePoint(row.TimeUtc, row.ImageId, row.FIntJy, row.FIntErrJy, row.FPeakJy, row.FPeakErrJy, isForced,
            edgeBeams, centreFraction, beamFwhmDeg, measurement?.ReducedChisq ?? double.NaN);
    }
}
