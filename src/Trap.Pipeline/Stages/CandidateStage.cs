using Trap.Alerts;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Science.Candidates;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Background;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The final aggregate (docs/architecture.md, stage 7): selects transient and variable candidates from every source's
/// per-band metrics, reads their light curves back from the written associations and measurements
/// (streamed, keeping only the candidates' rows), classifies them, and writes the candidates table
/// and one VOEvent packet per candidate into the dataset folder.
/// </summary>
public static class CandidateStage
{
    /// <summary>Runs the stage on a dataset folder whose associations and extracted_sources are written.</summary>
    /// <param name="workFolder">The run's working folder: the background grids the backward fits interpolate.</param>
    public static async Task<IReadOnlyList<Candidate>> RunAsync(IEngine engine, JobContext context, string folder, string workFolder, JobConfig config,
        CandidateInputs inputs, DateTime createdUtc, CancellationToken cancellation)
    {
        var search = config.TransientSearch;
        var images = inputs.Images.ToDictionary(i => i.ImageId);
        var catalogue = inputs.Catalogue.ToDictionary(c => c.RuncatId);
        var selected = CandidateSelector.Select(Metrics(inputs, images), search);
        var lightCurves = await LightCurvesAsync(folder, selected, images, config.Extraction);
        var selections = await BackwardPhotometry.ConfirmAsync(engine, context, workFolder, selected, lightCurves, images,
            catalogue.ToDictionary(c => c.Key, c => (c.Value.RaDeg, c.Value.DecDeg)), config, cancellation);
        var brightSources = new BrightSourceIndex(inputs.Fluxes
            .GroupBy(f => f.RuncatId)
            .Where(g => catalogue.ContainsKey(g.Key))
            .Select(g => new BrightSource(g.Key, catalogue[g.Key].RaDeg, catalogue[g.Key].DecDeg, g.Max(f => f.AverageFInt))));

        var candidates = new List<Candidate>();
        foreach (var selection in selections)
        {
            var source = catalogue[selection.Metrics.RuncatId];
            var errorRadius = Math.Max(source.UncertaintyEwDeg, source.UncertaintyNsDeg);
            var candidate = Candidate.Build(selection, source.RaDeg, source.DecDeg, errorRadius,
                lightCurves[selection.Metrics.RuncatId], brightSources, search);
            if (candidate.ChangedEnough(search)) candidates.Add(candidate);
        }

        var ivorns = candidates.ToDictionary(c => c.RuncatId,
            c => Ivorn.Create(config.Alerts.Authority, config.Alerts.Stream, Ivorn.LocalId(inputs.DatasetName, c.RuncatId)));
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Candidates, candidates.Select(c => RowMapping.Candidate(c, ivorns[c.RuncatId])));
        if (config.Alerts.WriteVoevents)
        {
            var voevents = Directory.CreateDirectory(Path.Combine(folder, DatasetTables.VoEventsFolder)).FullName;
            var frequencies = inputs.Bands.ToDictionary(b => b.Id, b => b.CentralHz);
            foreach (var candidate in candidates)
            {
                var ivorn = ivorns[candidate.RuncatId];
                var content = CandidateAlerts.Content(candidate, ivorn, inputs.DatasetName, frequencies[candidate.Metrics.BandId],
                    lightCurves[candidate.RuncatId], createdUtc);
                await File.WriteAllBytesAsync(Path.Combine(voevents, ivorn[(ivorn.IndexOf('#') + 1)..] + ".xml"), VoEventWriter.Write(content, config.Alerts));
            }
        }
        return candidates;
    }

    /// <summary>Every source's metrics per band, with the new-source verdict in the band of its previous-limits image.</summary>
    private static List<BandMetrics> Metrics(CandidateInputs inputs, IReadOnlyDictionary<long, ImageRow> images)
    {
        var newSources = inputs.NewSources
            .GroupBy(n => n.RuncatId)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.TriggerSourceId).First());
        return inputs.Fluxes.Select(f =>
        {
            var isNew = newSources.TryGetValue(f.RuncatId, out var n) && images[n.PreviousLimitsImageId].BandId == f.BandId;
            return new BandMetrics(f.RuncatId, f.BandId, f.FDatapoints, f.VInt, f.EtaInt,
                isNew ? n!.NewsourceType : null, isNew ? n!.SigmaRmsMin : null, isNew ? n!.SigmaRmsMax : null);
        }).ToList();
    }

    /// <summary>The selected sources' light curves in their bands, read back from the dataset's tables.</summary>
    private static async Task<Dictionary<long, List<LightCurvePoint>>> LightCurvesAsync(string folder, IReadOnlyList<BandSelection> selections,
        IReadOnlyDictionary<long, ImageRow> images, ExtractionConfig extraction)
    {
        var bandOf = selections.ToDictionary(s => s.Metrics.RuncatId, s => s.Metrics.BandId);
        var rows = new List<AssociationRow>();
        await foreach (var row in ParquetTableReader.ReadTableAsync<AssociationRow>(folder, DatasetTables.Associations))
        {
            if (bandOf.TryGetValue(row.RuncatId, out var band) && band == row.BandId) rows.Add(row);
        }
        var wanted = rows.Select(r => r.SourceId).ToHashSet();
        var measurements = new Dictionary<long, ExtractedSourceRow>();
        await foreach (var source in ParquetTableReader.ReadTableAsync<ExtractedSourceRow>(folder, DatasetTables.ExtractedSources))
        {
            if (wanted.Contains(source.SourceId)) measurements[source.SourceId] = source;
        }
        var curves = selections.ToDictionary(s => s.Metrics.RuncatId, _ => new List<LightCurvePoint>());
        foreach (var row in rows)
        {
            curves[row.RuncatId].Add(Point(row, images[row.ImageId], measurements.GetValueOrDefault(row.SourceId), extraction));
        }
        return curves;
    }

    private static LightCurvePoint Point(AssociationRow row, ImageRow image, ExtractedSourceRow? measurement, ExtractionConfig extraction)
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
