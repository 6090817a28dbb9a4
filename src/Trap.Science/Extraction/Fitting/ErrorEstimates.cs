namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// One-sigma errors of a measurement in pixel units, plus the reported (bias-corrected) peak.
/// <see cref="ThetaErr"/> in radians. Infinity where the formulae give no estimate.
/// </summary>
public readonly record struct ErrorEstimates(
    double Peak, double PeakErr, double FluxErr, double XErr, double YErr,
    double SemiMajorErr, double SemiMinorErr, double ThetaErr)
{
    public static ErrorEstimates Unknown(double peak) => new(
        peak, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity,
        double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);
}
