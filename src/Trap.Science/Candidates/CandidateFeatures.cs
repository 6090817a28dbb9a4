namespace Trap.Science.Candidates;

/// <summary>
/// What the classifier looks at, recorded with every candidate. Fluxes are integrated fluxes in Jy of
/// the candidate's band; times UTC.
/// </summary>
/// <param name="Points">Light-curve points in the band.</param>
/// <param name="ForcedFraction">Fraction of them that are forced fits (the source was not detected blindly).</param>
/// <param name="FirstDetectionUtc">Time of the first blind detection.</param>
/// <param name="PeakUtc">Time of the brightest point.</param>
/// <param name="PeakFluxJy">The brightest integrated flux, and its error.</param>
/// <param name="FirstToPeak">First flux over the peak flux.</param>
/// <param name="LastToPeak">Last flux over the peak flux.</param>
/// <param name="TimeTrend">Spearman rank correlation of flux with time (−1 steady fall, +1 steady rise).</param>
/// <param name="EdgeDistanceBeams">Smallest distance of a blind detection inside the searched area (from the margin or extraction circle; beam FWHM).</param>
/// <param name="CentreDistanceFraction">Largest distance of a blind detection from the image centre over the extraction radius.</param>
/// <param name="BrightNeighbourRuncatId">The nearest catalogue source at least bright_source_ratio times brighter, if any.</param>
/// <param name="BrightNeighbourDistanceBeams">Its distance in beam FWHM (+∞ if none).</param>
/// <param name="BrightNeighbourFluxRatio">Its flux over the candidate's peak flux (0 if none).</param>
/// <param name="MedianReducedChiSq">Median reduced χ² of the blind detections' fits (NaN if unknown).</param>
/// <param name="NeighbourDistanceBeams">Distance to the nearest other catalogue source, whatever its flux, in beam FWHM (+∞ if none).</param>
public sealed record CandidateFeatures(
    int Points,
    double ForcedFraction,
    DateTime FirstDetectionUtc,
    DateTime PeakUtc,
    double PeakFluxJy,
    double PeakFluxErrJy,
    double FirstToPeak,
    double LastToPeak,
    double TimeTrend,
    double EdgeDistanceBeams,
    double CentreDistanceFraction,
    long? BrightNeighbourRuncatId,
    double BrightNeighbourDistanceBeams,
    double BrightNeighbourFluxRatio,
    double MedianReducedChiSq,
    double NeighbourDistanceBeams);
