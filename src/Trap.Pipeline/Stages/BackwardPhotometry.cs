using Trap.Images;
using Trap.Images.Accessors;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output.Rows;
using Trap.Science.Candidates;
using Trap.Science.Extraction.Forced;

namespace Trap.Pipeline.Stages;

/// <summary>
/// Backward forced photometry of new-source candidates (docs/science.md, "Backward photometry of new
/// sources"): forced fits at each one's position in every earlier accepted image of its band; a source
/// whose trigger flux is not [transient_search] new_source_backward_sigma above their weighted mean was
/// there before (typically a faint steady source first fitted high), and loses its new-source reason.
/// Each image is read once, however many candidates it covers.
/// </summary>
public static class BackwardPhotometry
{
    public static IReadOnlyList<BandSelection> Confirm(IReadOnlyList<BandSelection> selections, IReadOnlyDictionary<long, List<LightCurvePoint>> curves,
        IReadOnlyDictionary<long, ImageRow> images, IReadOnlyDictionary<long, (double RaDeg, double DecDeg)> positions, JobConfig config)
    {
        var threshold = config.TransientSearch.NewSourceBackwardSigma;
        if (threshold <= 0) return selections;
        var triggers = selections.Where(s => s.Reasons.HasFlag(SelectionReasons.NewSource) && curves[s.Metrics.RuncatId].Count > 0)
            .ToDictionary(s => s.Metrics.RuncatId, s => curves[s.Metrics.RuncatId].MinBy(p => p.TimeUtc)!);
        var requests = triggers.SelectMany(t => images.Values
                .Where(i => i.Accepted && i.BandId == BandOf(selections, t.Key) && i.StartUtc < t.Value.TimeUtc)
                .Select(i => (Image: i, Runcat: t.Key)))
            .GroupBy(r => r.Image.ImageId);
        var fits = triggers.Keys.ToDictionary(r => r, _ => new List<(double, double)>());
        foreach (var image in requests)
        {
            var photometer = Photometer(image.First().Image.Url, config);
            if (photometer is null) continue;
            foreach (var (_, runcat) in image)
            {
                var (ra, dec) = positions[runcat];
                if (photometer.Fit(ra, dec).Source is { } s) fits[runcat].Add((s.IntFlux, s.IntFluxErr));
            }
        }
        return selections.Select(s =>
            {
                if (!triggers.TryGetValue(s.Metrics.RuncatId, out var trigger)) return s;
                var backward = BackwardFlux.Combine(fits[s.Metrics.RuncatId]);
                return backward is not null && backward.SigmasBelow(trigger.FIntJy, trigger.FIntErrJy) < threshold
                    ? s with { Reasons = s.Reasons & ~SelectionReasons.NewSource }
                    : s;
            })
            .Where(s => s.Selected)
            .ToList();
    }

    private static int BandOf(IReadOnlyList<BandSelection> selections, long runcat) => selections.First(s => s.Metrics.RuncatId == runcat).Metrics.BandId;

    private static ForcedPhotometer? Photometer(string url, JobConfig config)
    {
        try
        {
            return ForcedPhotometer.For(ImageReader.Read(url, config.Job.ReadOptions), config.Extraction);
        }
        catch (ImageFormatException)
        {
            // The file changed or vanished since extraction: no backward fits in it.
            return null;
        }
    }
}
