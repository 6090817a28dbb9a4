using Trap.Dataset.Rows;
using Trap.Science.Association;
using Trap.Science.Variability;

namespace Trap.Pipeline.Scoring;

/// <summary>
/// Each catalogue source's position shift per band, in σ, recomputed from the dataset's blind detections as the
/// running catalogue measures it (docs/science.md §8.1, "Position variability"): what selection saw, for the listings.
/// </summary>
public sealed class PositionShifts
{
    private readonly Dictionary<(long RuncatId, int BandId), double> _sigma;

    public PositionShifts(IReadOnlyList<AssociationRow> associations, IReadOnlyList<ExtractedSourceRow> extracted, IReadOnlyList<RunningCatalogueRow> catalogue)
    {
        var blind = extracted.Where(e => e.ExtractType == (int)ExtractType.Blind).ToDictionary(e => e.SourceId);
        var frames = catalogue.ToDictionary(c => c.RuncatId, c => new TangentFrame(c.WmRaDeg, c.WmDecDeg));
        _sigma = associations
            .Where(a => a.Type != (int)AssociationType.CopiedHistory && blind.ContainsKey(a.SourceId) && frames.ContainsKey(a.RuncatId))
            .GroupBy(a => (a.RuncatId, a.BandId))
            .ToDictionary(g => g.Key, g =>
            {
                var scatter = new PositionScatter();
                foreach (var a in g)
                {
                    var e = blind[a.SourceId];
                    var (xi, eta, xiErr, etaErr) = PositionStatistics.OffsetArcsec(frames[a.RuncatId], e.RaDeg, e.DecDeg, e.RaFitErrDeg, e.DecFitErrDeg);
                    scatter.Add(xi, eta, xiErr, etaErr, e.FIntJy);
                }
                return PositionScatter.Sigma(scatter.Points, scatter.Reduced);
            });
    }

    /// <summary>The shift of a source's blind positions in one band, σ (0 with fewer than two).</summary>
    public double Sigma(long runcatId, int bandId) => _sigma.GetValueOrDefault((runcatId, bandId));

    /// <summary>The largest over the source's bands.</summary>
    public double MaxSigma(long runcatId) => _sigma.Where(p => p.Key.RuncatId == runcatId).Select(p => p.Value).DefaultIfEmpty(0).Max();
}
