namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// A source measured in pixel space, before conversion to the sky. <see cref="Shape"/> holds the
/// fitted (or moments) parameters with the UNcorrected peak; <see cref="Errors"/> the reported peak and
/// all errors; deconvolved axes are semi-axes in pixels, their PA in degrees in the pixel frame.
/// </summary>
public sealed record PixelMeasurement(
    GaussianParameters Shape,
    ErrorEstimates Errors,
    double Flux,
    double Sig,
    int FitType,
    double ChiSq,
    double ReducedChiSq,
    DeconvolvedShape Deconvolved,
    double DeconvolvedMajorErr,
    double DeconvolvedMinorErr,
    double DeconvolvedPaErrDeg);
