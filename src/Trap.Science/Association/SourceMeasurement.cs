namespace Trap.Science.Association;

/// <summary>How a measurement was made (TraP extractedsource.extract_type).</summary>
public enum ExtractType
{
    Blind = 0,
    NullDetection = 1,
    Monitor = 2,
}

/// <summary>
/// One source measurement in one image, as association consumes it: positions and errors in
/// degrees, fluxes in Jy. <see cref="Id"/> must be unique across the whole job and stable between
/// runs (catalogue ids are derived from it). Build the position errors with
/// <see cref="PositionErrors.Derive"/>. A null-detection fit names the catalogue source it was
/// requested for (<see cref="ForcedRuncatId"/>), a monitor fit its monitor position (<see cref="MonitorId"/>).
/// </summary>
public sealed record SourceMeasurement(
    long Id,
    long ImageId,
    ExtractType ExtractType,
    double RaDeg,
    double DecDeg,
    PositionErrors Errors,
    double FPeak,
    double FPeakErr,
    double FInt,
    double FIntErr,
    double DetSigma,
    long? ForcedRuncatId = null,
    long? MonitorId = null)
{
    /// <summary>
    /// TraP drops a measurement with an infinite flux error at insert (docs/science.md §5.1); we also
    /// drop zero, negative and NaN flux errors, which would give an infinite or undefined weight.
    /// </summary>
    public bool HasUsableErrors =>
        IsPositiveFinite(FPeakErr) && IsPositiveFinite(FIntErr)
        && IsPositiveFinite(Errors.UncertaintyEwDeg) && IsPositiveFinite(Errors.UncertaintyNsDeg)
        && double.IsFinite(RaDeg) && double.IsFinite(DecDeg) && double.IsFinite(FPeak) && double.IsFinite(FInt);

    private static bool IsPositiveFinite(double v) => v > 0 && double.IsFinite(v);
}
