namespace Trap.Science.Candidates;

/// <summary>
/// One catalogue source's metrics in one frequency band, the input of candidate selection: η and V of
/// integrated flux (docs/science.md §8.1) and, for a source that appeared as new, its newsource type and
/// sigma_rms_min/max (§8.2, §8.3).
/// </summary>
public sealed record BandMetrics(
    long RuncatId,
    int BandId,
    int FDatapoints,
    double VInt,
    double EtaInt,
    int? NewSourceType,
    double? SigmaRmsMin,
    double? SigmaRmsMax)
{
    /// <summary>1 − Q_χ²(η(N−1); N−1): the probability the band's light curve is not flat.</summary>
    public double EtaSignificance => Variability.VariabilityIndices.EtaSignificance(FDatapoints, EtaInt);
}
