namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// One-sigma errors of a measurement in pixel units, plus the reported (bias-corrected) peak.
/// <see cref="ThetaErr"/> in radians. Infinity where the formulae give no estimate. <see cref="XYCov"/> is the
/// covariance of the fitted x and y (px²): 0 where the formulae give none (Condon's errors, a held position).
/// </summary>
public readonly record struct ErrorEstimates(
    double Peak, double PeakErr, double FluxErr, double XErr, double YErr,
    double SemiMajorErr, double SemiMinorErr, double ThetaErr, double XYCov = 0)
{
    public static ErrorEstimates Unknown(double peak) => new(
        peak, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity,
        double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);
}
