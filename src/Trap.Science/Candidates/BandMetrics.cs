namespace Trap.Science.Candidates;

/// <summary>
/// One catalogue source's metrics in one frequency band, the input of candidate selection: η and V of
/// integrated flux (docs/science.md §8.1), the scatter of its blind positions (how many, χ²/dof; §8.1 "Position
/// variability") and where they move as the flux changes (the shift target, NaN when undefined: §8.4, "Position shifts")
/// and, for a source that appeared as new, its newsource type and sigma_rms_min/max (§8.2, §8.3).
/// </summary>
public sealed record BandMetrics(
    long RuncatId,
    int BandId,
    int FDatapoints,
    double VInt,
    double EtaInt,
    int? NewSourceType,
    double? SigmaRmsMin,
    double? SigmaRmsMax,
    int PositionDatapoints = 0,
    double EtaPosition = 0,
    double ShiftTargetRaDeg = double.NaN,
    double ShiftTargetDecDeg = double.NaN)
{
    /// <summary>1 − Q_χ²(η(N−1); N−1): the probability the band's light curve is not flat.</summary>
    public double EtaSignificance => Variability.VariabilityIndices.EtaSignificance(FDatapoints, EtaInt);

    /// <summary>How significantly the band's blind positions move, in Gaussian σ (0 for fewer than two).</summary>
    public double PositionSigma => Variability.PositionScatter.Sigma(PositionDatapoints, EtaPosition);
}
