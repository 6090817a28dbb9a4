using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Science.Candidates;

namespace Trap.Pipeline.Stages;

/// <summary>
/// Backward forced photometry of new-source candidates (docs/science.md, "Backward photometry of new
/// sources"): forced fits at each one's position in every earlier accepted image of its band (the
/// variability window's last before its first point, when it has one); a source
/// whose trigger flux is not [transient_search] new_source_backward_sigma above their weighted mean was
/// there before (typically a faint steady source first fitted high), and loses its new-source reason.
/// The fits are a map over the earlier images (<see cref="BackwardFitTask"/>): each image is read
/// once, on a worker, however many candidates it covers.
/// </summary>
public static class BackwardPhotometry
{
    public static async Task<IReadOnlyList<BandSelection>> ConfirmAsync(IEngine engine, JobContext context, string workFolder,
        IReadOnlyList<BandSelection> selections, IReadOnlyDictionary<long, List<LightCurvePoint>> curves,
        IReadOnlyDictionary<long, CandidateImage> images, IReadOnlyDictionary<long, (double RaDeg, double DecDeg)> positions, JobConfig config,
        CancellationToken cancellation)
    {
        var threshold = config.TransientSearch.NewSourceBackwardSigma;
        if (threshold <= 0) return selections;
        var triggers = selections.Where(s => s.Reasons.HasFlag(SelectionReasons.NewSource) && curves[s.Metrics.RuncatId].Count > 0)
            .ToDictionary(s => s.Metrics.RuncatId, s => curves[s.Metrics.RuncatId].MinBy(p => p.TimeUtc)!);
        var window = config.Association.VariabilityWindow;
        var work = triggers.SelectMany(t => EarlierImages(images, BandOf(selections, t.Key), t.Value, window).Select(i => (Image: i, Runcat: t.Key)))
            .OrderBy(r => r.Image.ImageId)
            .GroupBy(r => r.Image.ImageId)
            .Select(g => new BackwardFitWork(g.Key, g.First().Image.Url, workFolder,
                g.Select(r => new BackwardPosition(r.Runcat, positions[r.Runcat].RaDeg, positions[r.Runcat].DecDeg)).ToList()))
            .ToList();
        var measured = await engine.MapAsync<BackwardFitTask, BackwardFitWork, BackwardFits>(context, work, cancellation);
        var fits = triggers.Keys.ToDictionary(r => r, _ => new List<(double, double)>());
        foreach (var fit in measured.SelectMany(m => m.Fits)) fits[fit.RuncatId].Add((fit.FIntJy, fit.FIntErrJy));
        return selections.Select(s =>
            {
                if (!triggers.TryGetValue(s.Metrics.RuncatId, out var trigger)) return s;
                if (BackwardFlux.Combine(fits[s.Metrics.RuncatId]) is not { } backward) return s;
                var sigmas = backward.SigmasBelow(trigger.FIntJy, trigger.FIntErrJy);
                var reasons = sigmas < threshold ? s.Reasons & ~SelectionReasons.NewSource : s.Reasons;
                return s with { Reasons = reasons, Backward = backward, BackwardSigmas = sigmas };
            })
            .Where(s => s.Selected)
            .ToList();
    }

    /// <summary>
    /// The accepted images of the band before the trigger, newest first: at most <paramref name="window"/> of them
    /// (the variability window's, 0: all). Ids follow observation order (start time first), so an image earlier
    /// than the trigger has a smaller id than the trigger's image: the search walks down from it and never reads
    /// the images after it, nor, with a window, more than the window's images before it.
    /// </summary>
    private static IEnumerable<CandidateImage> EarlierImages(IReadOnlyDictionary<long, CandidateImage> images, int band, LightCurvePoint trigger, int window)
    {
        var found = 0;
        for (var id = trigger.ImageId - 1; id >= 0 && (window == 0 || found < window); id--)
        {
            if (!images.TryGetValue(id, out var image) || !image.Accepted || image.BandId != band || !(image.StartUtc < trigger.TimeUtc)) continue;
            found++;
            yield return image;
        }
    }

    private static int BandOf(IReadOnlyList<BandSelection> selections, long runcat) => selections.First(s => s.Metrics.RuncatId == runcat).Metrics.BandId;
}
