using Trap.Engine;
using Trap.Formats.Wcs;
using Trap.Pipeline.Configuration;
using Trap.Science.Association;
using Trap.Science.Candidates;
using Trap.Science.Extraction.Forced;

namespace Trap.Pipeline.Stages;

/// <summary>
/// Group fits of blended candidates (docs/science.md, "Group fits of blended candidates"): a candidate with another
/// catalogue source within [transient_search] group_fit_radius_beams is measured again in every image of its light
/// curve by one joint forced fit at the catalogue positions about it, not with the image's blind detections, which
/// split or merge such a pair image by image; its light curve takes those fluxes. A candidate selected for its
/// position shift alone is measured so at its shift target (<see cref="ShiftTarget"/>), whatever its neighbours' distance,
/// jointly with its own catalogue position (the blend's steady source) and the others about it: the transient blended
/// with it, not the blend. Each image is read once
/// on a worker (<see cref="BackwardFitTask"/>). Off when the radius is 0 or joint_forced_fits is false.
/// </summary>
public static class GroupPhotometry
{
    public static async Task<Dictionary<long, List<LightCurvePoint>>> RemeasureAsync(IEngine engine, JobContext context, string workFolder,
        IReadOnlyList<BandSelection> selections, Dictionary<long, List<LightCurvePoint>> curves, IReadOnlyDictionary<long, CandidateImage> images,
        IReadOnlyList<CatalogueSourceRecord> catalogue, IReadOnlyDictionary<long, (double RaDeg, double DecDeg)> targets, JobConfig config,
        CancellationToken cancellation)
    {
        var radiusBeams = config.TransientSearch.GroupFitRadiusBeams;
        if (radiusBeams <= 0 || !config.Extraction.JointForcedFits) return curves;
        var byId = catalogue.ToDictionary(c => c.RuncatId);
        var known = catalogue.Where(c => !c.IsMonitor).ToList();
        var widestBeamDeg = curves.Values.SelectMany(c => c).Select(p => p.BeamFwhmDeg).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var work = new Dictionary<long, (CandidateImage Image, List<BackwardPosition> Fitted, Dictionary<long, BackwardPosition> Neighbours)>();
        foreach (var selection in selections)
        {
            var runcat = selection.Metrics.RuncatId;
            var hasTarget = targets.TryGetValue(runcat, out var target);
            var (raDeg, decDeg) = hasTarget ? target : (byId[runcat].RaDeg, byId[runcat].DecDeg);
            // Catalogue sources a joint fit about it can take in: within two beam FWHM of the widest beam of any image.
            var around = known.Where(c => hasTarget || c.RuncatId != runcat)
                .Select(c => (Source: c, DistanceDeg: SkyGeometry.SeparationDeg(raDeg, decDeg, c.RaDeg, c.DecDeg)))
                .Where(c => c.DistanceDeg <= ForcedPhotometer.NeighbourRadiusSemiMajor / 2 * widestBeamDeg)
                .ToList();
            // Nothing to fit jointly: no image of its curve is looked up (the stream's older images are on disk).
            if (!hasTarget && around.Count == 0) continue;
            foreach (var point in curves[runcat])
            {
                var image = images[point.ImageId];
                if (image.RbSmajDeg is not { } smajDeg || !(hasTarget || around.Min(c => (double?)c.DistanceDeg) <= radiusBeams * 2 * smajDeg)) continue;
                if (!work.TryGetValue(image.ImageId, out var fits))
                    work[image.ImageId] = fits = (image, new List<BackwardPosition>(), new Dictionary<long, BackwardPosition>());
                if (fits.Fitted.Exists(f => f.RuncatId == runcat)) continue;
                fits.Fitted.Add(new BackwardPosition(runcat, raDeg, decDeg));
                foreach (var (source, distanceDeg) in around)
                {
                    if (distanceDeg <= ForcedPhotometer.NeighbourRadiusSemiMajor * smajDeg)
                        fits.Neighbours.TryAdd(source.RuncatId, new BackwardPosition(source.RuncatId, source.RaDeg, source.DecDeg));
                }
            }
        }
        if (work.Count == 0) return curves;

        var measured = await engine.MapAsync<BackwardFitTask, BackwardFitWork, BackwardFits>(context,
            work.Values.OrderBy(w => w.Image.ImageId)
                .Select(w => new BackwardFitWork(w.Image.ImageId, w.Image.Url, workFolder, w.Fitted, w.Neighbours.Values.OrderBy(n => n.RuncatId).ToList()))
                .ToList(), cancellation);
        var fitted = measured.SelectMany(m => m.Fits.Select(f => (Key: (f.RuncatId, m.ImageId), Fit: f))).ToDictionary(f => f.Key, f => f.Fit);
        // A point whose group fit failed (e.g. its box reaches off the image) keeps its own measurement.
        return curves.ToDictionary(c => c.Key, c => c.Value.Select(p => fitted.TryGetValue((c.Key, p.ImageId), out var f)
            ? p with { FIntJy = f.FIntJy, FIntErrJy = f.FIntErrJy, FPeakJy = f.FPeakJy, FPeakErrJy = f.FPeakErrJy }
            : p).ToList());
    }
}
