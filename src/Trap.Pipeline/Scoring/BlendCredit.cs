using Trap.Dataset.Rows;
using Trap.Formats.Wcs;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Scoring;

/// <summary>
/// Whether a candidate whose detections are mostly a steady source's found an injected transient blended
/// with it (docs/science.md §12, "blends"): the transient lies within the association radius of the
/// candidate's position, so its flux can enter that catalogue source's light curve, and the candidate's
/// light curve in its band follows the transient's true flux (Pearson correlation ≥
/// <see cref="MinCorrelation"/>): the change that selected it is the transient's.
/// </summary>
internal sealed class BlendCredit(IReadOnlyList<AssociationRow> associations, TruthMatches matches, double radiusDeg)
{
    /// <summary>A blend's measured flux must follow the transient's true flux this well over the candidate's band.</summary>
    public const double MinCorrelation = 0.5;

    private readonly ILookup<(long Runcat, int Band), AssociationRow> _curves = associations.ToLookup(a => (a.RuncatId, a.BandId));

    /// <summary>The nearest of <paramref name="injected"/> the candidate's light curve shows; null when none.</summary>
    public int? Find(CandidateRow candidate, IEnumerable<SourceTruth> injected) =>
        injected.Select(t => (t.SourceId, Distance: SkyGeometry.SeparationDeg(candidate.RaDeg, candidate.DecDeg, t.RaDeg, t.DecDeg)))
            .Where(t => t.Distance <= radiusDeg)
            .OrderBy(t => t.Distance)
            .Select(t => (int?)t.SourceId)
            .FirstOrDefault(id => Correlation(candidate, id!.Value) >= MinCorrelation);

    /// <summary>Pearson correlation of the candidate's f_int in its band with the transient's true flux in the same images (NaN below 3 points or for a constant).</summary>
    public double Correlation(CandidateRow candidate, int transientId)
    {
        var pairs = _curves[(candidate.RuncatId, candidate.BandId)]
            .Select(a => (Measured: a.FIntJy, True: matches.TruthIn(a.ImageId, transientId)?.FluxJy ?? 0.0))
            .Where(p => double.IsFinite(p.Measured))
            .ToList();
        if (pairs.Count < 3) return double.NaN;
        double mx = pairs.Average(p => p.Measured), my = pairs.Average(p => p.True);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
