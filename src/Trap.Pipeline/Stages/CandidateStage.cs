using Trap.Alerts;
using Trap.Dataset;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Science.Association;
using Trap.Science.Candidates;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The final aggregate (docs/architecture.md, stage 7): selects transient and variable candidates from every source's
/// per-band metrics, takes their light curves (<see cref="ICandidateLightCurves"/>: a run reads them back from
/// the written associations and measurements, `trap stream` keeps them), classifies them, and writes the candidates table
/// and one VOEvent packet per candidate into the dataset folder.
/// </summary>
public static class CandidateStage
{
    /// <summary>Runs the stage on a dataset folder whose associations and extracted_sources are written.</summary>
    /// <param name="workFolder">The run's working folder: the background grids the backward fits interpolate.</param>
    /// <param name="curves">Where the selected sources' light curves come from; default the folder's tables.</param>
    public static async Task<IReadOnlyList<Candidate>> RunAsync(IEngine engine, JobContext context, string folder, string workFolder, JobConfig config,
        CandidateInputs inputs, DateTime createdUtc, CancellationToken cancellation, ICandidateLightCurves? curves = null)
    {
        var search = config.TransientSearch;
        var images = inputs.Images;
        var catalogue = inputs.Catalogue.ToDictionary(c => c.RuncatId);
        var selected = CandidateSelector.Select(Metrics(inputs, images), search);
        var ownCurves = await (curves ?? new DatasetLightCurves(folder, config.Extraction, config.Association.VariabilityWindow)).ForAsync(selected, images);
        // Candidates selected for their position shift alone are measured at their shift target; the others at their catalogue position.
        var shiftTargets = ShiftTargets(selected, catalogue, ownCurves);
        var targets = selected.Where(ShiftTarget.IsAlone).Select(s => s.Metrics.RuncatId).Where(shiftTargets.ContainsKey)
            .ToDictionary(id => id, id => shiftTargets[id]);
        var lightCurves = await GroupPhotometry.RemeasureAsync(engine, context, workFolder, selected, ownCurves, images, inputs.Catalogue, targets,
            config, cancellation);
        var selections = await BackwardPhotometry.ConfirmAsync(engine, context, workFolder, selected, lightCurves, images,
            catalogue.ToDictionary(c => c.Key, c => (c.Value.RaDeg, c.Value.DecDeg)), config, cancellation);
        var brightSources = new BrightSourceIndex(inputs.Fluxes
            .GroupBy(f => f.RuncatId)
            .Where(g => catalogue.ContainsKey(g.Key))
            .Select(g => new BrightSource(g.Key, catalogue[g.Key].RaDeg, catalogue[g.Key].DecDeg, g.Max(f => f.AverageFInt))));

        Candidate Build(BandSelection selection, (double RaDeg, double DecDeg)? at)
        {
            var source = catalogue[selection.Metrics.RuncatId];
            var (raDeg, decDeg) = at ?? (source.RaDeg, source.DecDeg);
            return Candidate.Build(selection, raDeg, decDeg, Math.Max(source.UncertaintyEwDeg, source.UncertaintyNsDeg),
                lightCurves[source.RuncatId], brightSources, search);
        }
        var built = selections.Select(s => Build(s, targets.TryGetValue(s.Metrics.RuncatId, out var t) ? t : null)).ToList();

        // A candidate whose positions shift but whose flux at its catalogue position changed too little is measured again at the
        // shift target: a transient blended with a steady source of comparable flux (docs/science.md §8.4, "Position shifts").
        var retry = built.Where(c => !c.ChangedEnough(search) && shiftTargets.ContainsKey(c.RuncatId) && !targets.ContainsKey(c.RuncatId)
                                     && !c.Selection.Reasons.HasFlag(SelectionReasons.NewSource))
            .Select(c => c.Selection).ToList();
        if (retry.Count > 0)
        {
            var retryTargets = retry.ToDictionary(s => s.Metrics.RuncatId, s => shiftTargets[s.Metrics.RuncatId]);
            var retried = await GroupPhotometry.RemeasureAsync(engine, context, workFolder, retry, ownCurves, images, inputs.Catalogue, retryTargets,
                config, cancellation);
            foreach (var id in retryTargets.Keys) lightCurves[id] = retried[id];
            built = built.Select(c => retryTargets.TryGetValue(c.RuncatId, out var t) ? Build(c.Selection, t) : c).ToList();
        }
        var candidates = built.Where(c => c.ChangedEnough(search)).ToList();

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

    /// <summary>The shift targets of candidates selected for their position shift (not new sources; docs/science.md §8.4), within
    /// 1.5 beam FWHM of the widest beam of their light curve's images and not within half of it of another catalogue source.</summary>
    private static Dictionary<long, (double RaDeg, double DecDeg)> ShiftTargets(IReadOnlyList<BandSelection> selected,
        IReadOnlyDictionary<long, CatalogueSourceRecord> catalogue, Dictionary<long, List<LightCurvePoint>> curves)
    {
        var targets = new Dictionary<long, (double RaDeg, double DecDeg)>();
        foreach (var s in selected)
        {
            var source = catalogue[s.Metrics.RuncatId];
            var beamDeg = curves[source.RuncatId].Select(p => p.BeamFwhmDeg).Where(double.IsFinite).DefaultIfEmpty(0).Max();
            var others = catalogue.Values.Where(c => c.RuncatId != source.RuncatId && !c.IsMonitor).Select(c => (c.RaDeg, c.DecDeg));
            if (ShiftTarget.Of(s, source.RaDeg, source.DecDeg, beamDeg, others) is { } target) targets[source.RuncatId] = target;
        }
        return targets;
    }

    /// <summary>Every source's metrics per band, with the new-source verdict in the band of its previous-limits image.</summary>
    private static List<BandMetrics> Metrics(CandidateInputs inputs, IReadOnlyDictionary<long, CandidateImage> images)
    {
        var newSources = inputs.NewSources
            .GroupBy(n => n.RuncatId)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.TriggerSourceId).First());
        return inputs.Fluxes.Select(f =>
        {
            var isNew = newSources.TryGetValue(f.RuncatId, out var n) && images[n.PreviousLimitsImageId].BandId == f.BandId;
            return new BandMetrics(f.RuncatId, f.BandId, f.FDatapoints, f.VInt, f.EtaInt,
                isNew ? n!.NewsourceType : null, isNew ? n!.SigmaRmsMin : null, isNew ? n!.SigmaRmsMax : null,
                f.PositionDatapoints, f.EtaPosition, f.ShiftTargetRaDeg, f.ShiftTargetDecDeg);
        }).ToList();
    }
}
