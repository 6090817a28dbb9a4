using Trap.Science.Variability;

namespace Trap.Science.Association;

public sealed partial class RunningCatalogue
{
    /// <summary>Every live catalogue source, ascending id.</summary>
    public IReadOnlyList<CatalogueSourceRecord> Sources() =>
        _entries.Values.OrderBy(e => e.Id).Select(e =>
        {
            var p = e.Position;
            return new CatalogueSourceRecord(e.Id, e.FirstExtractionId, p.Datapoints, p.RaDeg, p.DecDeg, p.UncertaintyEwDeg, p.UncertaintyNsDeg,
                p.AverageRaErrDeg, p.AverageDecErrDeg, p.Position.X, p.Position.Y, p.Position.Z, e.IsMonitor, e.ForcedFitsCount);
        }).ToArray();

    /// <summary>Per-band flux statistics of every live source, ascending (source, band).</summary>
    public IReadOnlyList<BandFluxRecord> BandFluxes() =>
        _entries.Values.OrderBy(e => e.Id).SelectMany(e => e.Bands.Select(b =>
        {
            var target = b.Positions.Target is { } t ? e.Position.AtOffsetArcsec(t.XiArcsec, t.EtaArcsec) : (SkyVector?)null;
            return new BandFluxRecord(e.Id, b.BandId, b.Datapoints, b.AverageFPeak, b.AverageFInt, b.WeightedMeanFInt, b.VInt, b.EtaInt, b.VPeak, b.EtaPeak,
                b.Positions.Points, b.Positions.Reduced, target?.RaDeg ?? double.NaN, target?.DecDeg ?? double.NaN);
        })).ToArray();

    /// <summary>
    /// The varmetric-style summary of every live source (docs/science.md §8.3 plus VAST's pair metrics),
    /// ascending id. Cost is linear in the light curves (the pair metrics are kept as points arrive:
    /// <see cref="LightCurveDigest"/>).
    /// </summary>
    public IReadOnlyList<VariabilitySummary> Summaries() =>
        _entries.Values.OrderBy(e => e.Id)
            .Select(e => e.LightCurve.Summarize(e.Id, e.NewSource))
            .ToArray();

    /// <summary>
    /// Light-curve points and rows the live sources hold for their summaries (and, under TraP's matching,
    /// their whole association rows): bounded by the variability window per source and band otherwise.
    /// </summary>
    public long RetainedLightCurvePoints => _entries.Values.Sum(e => (long)e.LightCurve.RetainedPoints + (e.History?.Count ?? 0));
}
