namespace Trap.Science.Candidates;

/// <summary>
/// One measurement of a candidate's light curve in its band, with where it was measured on the image.
/// </summary>
/// <param name="IsForced">A forced fit (null detection or monitor) rather than a blind detection.</param>
/// <param name="EdgeDistanceBeams">Distance inside the searched area (from the margin or the extraction
/// circle, whichever is nearer; negative outside), in beam FWHM (major axis) of that image.</param>
/// <param name="CentreDistanceFraction">Distance from the image centre over the extraction radius
/// (NaN when the image has no extraction radius).</param>
/// <param name="BeamFwhmDeg">The image's restoring-beam major FWHM.</param>
/// <param name="ReducedChiSq">Reduced χ² of the source fit (NaN when not available).</param>
public sealed record LightCurvePoint(
    DateTime TimeUtc,
    long ImageId,
    double FIntJy,
    double FIntErrJy,
    double FPeakJy,
    double FPeakErrJy,
    bool IsForced,
    double EdgeDistanceBeams,
    double CentreDistanceFraction,
    double BeamFwhmDeg,
    double ReducedChiSq);
