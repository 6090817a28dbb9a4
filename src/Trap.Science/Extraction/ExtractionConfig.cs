namespace Trap.Science.Extraction;

/// <summary>
/// Settings of source extraction and forced photometry, `[source_extraction]` of TraP's job_params.cfg
/// (docs/science.md §2.1). Defaults are TraP r6.0's template values.
/// </summary>
public sealed record ExtractionConfig
{
    /// <summary>Detection threshold in multiples of the local RMS: an island needs one pixel above it. TraP: 8.</summary>
    public double DetectionThreshold { get; init; } = 8.0;

    /// <summary>Analysis threshold in multiples of the local RMS: islands grow down to it. TraP: 3.</summary>
    public double AnalysisThreshold { get; init; } = 3.0;

    /// <summary>Background grid cell width along x (pixels). TraP: 50.</summary>
    public int BackSizeX { get; init; } = 50;

    /// <summary>Background grid cell height along y (pixels). TraP: 50.</summary>
    public int BackSizeY { get; init; } = 50;

    /// <summary>Pixels masked along all four image edges; 0 = none. TraP: 10.</summary>
    public int Margin { get; init; } = 10;

    /// <summary>Radius (pixels) of the circle about the array centre outside which pixels are masked; 0 = no circle. TraP: 250.</summary>
    public double ExtractionRadiusPix { get; init; } = 250.0;

    /// <summary>Number of deblending sub-thresholds; 0 = no deblending, at most 300. TraP: 0.</summary>
    public int DeblendThresholds { get; init; } = 0;

    /// <summary>Fix the fitted axes and PA to the restoring beam (only peak and position free). TraP: true since r5.0.</summary>
    public bool ForceBeam { get; init; } = true;

    /// <summary>Forced-fit box side in units of the larger beam semi-axis (pixels). TraP: 10.</summary>
    public double BoxInBeamPix { get; init; } = 10.0;

    /// <summary>
    /// Fit each forced-fit position jointly with the blind detections and other requested positions within
    /// two beams (docs/science.md §7.5), so a neighbour's flux is not taken in. TraP: false (one Gaussian per box).
    /// </summary>
    public bool JointForcedFits { get; init; } = true;

    /// <summary>East–west systematic position error (arcsec), copied into each record for association. TraP: 10.</summary>
    public double EwSysErrArcsec { get; init; } = 10.0;

    /// <summary>North–south systematic position error (arcsec), copied into each record for association. TraP: 10.</summary>
    public double NsSysErrArcsec { get; init; } = 10.0;

    /// <summary>How fit errors are computed (docs/science.md, "Calibrated errors"). TraP: <see cref="ErrorModel.Condon"/>.</summary>
    public ErrorModel ErrorModel { get; init; } = ErrorModel.MeasuredNoise;

    /// <summary>
    /// A deblended branch must rise at least this many times the RMS at its peak above the level at which
    /// it separates (its saddle), and branches touching diagonally stay one (docs/science.md, "Deblending").
    /// TraP: 0 (its rule exactly: 4-connected branches, flux contrast only).
    /// </summary>
    public double DeblendMinSigma { get; init; } = 3.0;

    /// <summary>
    /// Which blind detections are kept near the edge of the searched area (docs/science.md, "Sources at
    /// the edge of the searched area"). TraP: <see cref="UsableCheck.AxisEnds"/>.
    /// </summary>
    public UsableCheck UsableCheck { get; init; } = UsableCheck.Centre;

    /// <summary>
    /// With fixed parameters (force_beam), keep islands spanning ≤ 2 pixels in x or y as moments-only
    /// sources; false drops them (docs/science.md, "Small islands"). TraP: false.
    /// </summary>
    public bool KeepSmallIslands { get; init; } = false;

    /// <summary>
    /// A fit (blind or forced) is rejected when an error, or its peak against the peak its integrated flux
    /// implies, is more than this many times the larger of the value and the noise (docs/science.md,
    /// "Absurd fits"); 0 keeps every fit (TraP).
    /// </summary>
    public double AbsurdFitRatio { get; init; } = 1000.0;

    /// <summary>
    /// With force_beam, most point sources fitted in one island (docs/science.md, "Blended sources"):
    /// further beam-shaped components are added where the residual holds another detection. Default 3
    /// (blended sources of dense fields found more often than with 2, same candidates; docs/science.md §4.13, "Crowded islands");
    /// TraP: 1 (one Gaussian per island).
    /// </summary>
    public int MaxComponents { get; init; } = 3;

    /// <summary>Largest accepted <see cref="DeblendThresholds"/> (TraP caps it at 300).</summary>
    public const int MaxDeblendThresholds = 300;

    /// <summary>Throws when a setting cannot work, naming the setting and the accepted range.</summary>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok) throw new ArgumentException("source extraction config: " + message);
        }
        Require(DetectionThreshold > 0, $"detection_threshold must be > 0 (got {DetectionThreshold}).");
        Require(AnalysisThreshold > 0, $"analysis_threshold must be > 0 (got {AnalysisThreshold}).");
        Require(BackSizeX > 0 && BackSizeY > 0, $"back_size_x/y must be > 0 pixels (got {BackSizeX}x{BackSizeY}).");
        Require(Margin >= 0, $"margin must be >= 0 pixels (got {Margin}).");
        Require(ExtractionRadiusPix >= 0, $"extraction_radius_pix must be >= 0 (got {ExtractionRadiusPix}); 0 disables the circle.");
        Require(DeblendThresholds is >= 0 and <= MaxDeblendThresholds,
            $"deblend_nthresh must be within 0..{MaxDeblendThresholds} (got {DeblendThresholds}).");
        Require(DeblendMinSigma >= 0, $"deblend_min_sigma must be >= 0 (got {DeblendMinSigma}); 0 is TraP's rule.");
        Require(AbsurdFitRatio == 0 || AbsurdFitRatio > 1, $"absurd_fit_ratio must be 0 (off) or > 1 (got {AbsurdFitRatio}).");
        Require(MaxComponents is >= 1 and <= 20, $"max_components must be within 1..20 (got {MaxComponents}); 1 is TraP's single fit.");
        Require(BoxInBeamPix > 0, $"box_in_beampix must be > 0 (got {BoxInBeamPix}).");
    }
}
