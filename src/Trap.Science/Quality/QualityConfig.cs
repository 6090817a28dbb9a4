namespace Trap.Science.Quality;

/// <summary>
/// Thresholds of the quality-control stage (docs/science.md §2.1), with TraP's job-template defaults.
/// Keys in brackets are TraP's job_params.cfg names.
/// </summary>
public sealed record QualityConfig
{
    /// <summary>[persistence] rms_est_sigma: clipping threshold (in σ) of the central-box RMS.</summary>
    public double RmsEstSigma { get; init; } = 4;

    /// <summary>[persistence] rms_est_fraction: the central box has half-side N / this (pixels).</summary>
    public int RmsEstFraction { get; init; } = 8;

    /// <summary>[quality] rms_est_history: same-band images needed before the historical RMS check runs.</summary>
    public int RmsEstHistory { get; init; } = 100;

    /// <summary>[quality] rms_est_max: largest acceptable rms_qc in Jy (strict).</summary>
    public double RmsEstMax { get; init; } = 100;

    /// <summary>[quality] rms_est_min: smallest acceptable rms_qc in Jy (strict).</summary>
    public double RmsEstMin { get; init; } = 0;

    /// <summary>[quality] rms_rej_sigma: half-width, in σ, of the accepted window of the historical RMS check.</summary>
    public double RmsRejSigma { get; init; } = 3;

    /// <summary>[quality] oversampled_x: largest acceptable beam semi-axis in pixels.</summary>
    public double OversampledX { get; init; } = 30;

    /// <summary>[quality] elliptical_x: largest acceptable semi-major / semi-minor ratio.</summary>
    public double EllipticalX { get; init; } = 2.0;

    /// <summary>[quality_lofar] low_bound: reject when rms_qc &lt; this × theoretical noise.</summary>
    public double LowBound { get; init; } = 1;

    /// <summary>[quality_lofar] high_bound: reject when rms_qc &gt; this × theoretical noise.</summary>
    public double HighBound { get; init; } = 80;

    /// <summary>[quality_lofar] min_separation: degrees between the pointing centre and a bright source.</summary>
    public double MinSeparation { get; init; } = 10;

    /// <summary>
    /// Trap extension: expected image noise in Jy for telescopes without a noise model (everything but
    /// LOFAR). When set, rms_qc is held to [ExpectedNoiseLowBound, ExpectedNoiseHighBound] × this.
    /// Null (default) = no noise-ratio check for those telescopes, as in TraP.
    /// </summary>
    public double? ExpectedNoiseJy { get; init; }

    /// <summary>Trap extension: lower ratio bound of the generic expected-noise check.</summary>
    public double ExpectedNoiseLowBound { get; init; } = 1;

    /// <summary>Trap extension: upper ratio bound of the generic expected-noise check.</summary>
    public double ExpectedNoiseHighBound { get; init; } = 80;

    /// <summary>
    /// Trap extension: largest acceptable fraction of NaN (blank) pixels in the field (the circle
    /// inscribed in the image; blank corners outside it, as in primary-beam-corrected images, do not
    /// count); above it the image is rejected as NaN-dominated.
    /// </summary>
    public double MaxNanFraction { get; init; } = 0.1;

    /// <summary>
    /// Trap extension: LOFAR LBA nearest-dipole distances needed by the theoretical noise. Null (default)
    /// uses <see cref="LbaDipoleDistances.Lofar"/>, LOFAR's own station layouts.
    /// </summary>
    public LbaDipoleDistances? LbaDipoleDistances { get; init; }

    /// <summary>Throws when a value makes no sense, naming the key and what to do.</summary>
    public void Validate()
    {
        Require(RmsEstSigma > 0, "rms_est_sigma", RmsEstSigma, "must be > 0");
        Require(RmsEstFraction >= 2, "rms_est_fraction", RmsEstFraction, "must be >= 2 (the box half-side is N/fraction)");
        Require(RmsEstHistory >= 2, "rms_est_history", RmsEstHistory, "must be >= 2");
        Require(RmsEstMax > RmsEstMin, "rms_est_max", RmsEstMax, $"must exceed rms_est_min ({RmsEstMin})");
        Require(RmsRejSigma > 0, "rms_rej_sigma", RmsRejSigma, "must be > 0");
        Require(OversampledX > 0, "oversampled_x", OversampledX, "must be > 0");
        Require(EllipticalX >= 1, "elliptical_x", EllipticalX, "must be >= 1");
        Require(HighBound > LowBound && LowBound >= 0, "high_bound", HighBound, $"must exceed low_bound ({LowBound}) >= 0");
        Require(MinSeparation >= 0, "min_separation", MinSeparation, "must be >= 0 degrees");
        Require(ExpectedNoiseJy is null || ExpectedNoiseJy > 0, "expected_noise_jy", ExpectedNoiseJy ?? 0, "must be > 0 Jy when given");
        Require(ExpectedNoiseHighBound > ExpectedNoiseLowBound && ExpectedNoiseLowBound >= 0,
            "expected_noise_high_bound", ExpectedNoiseHighBound, $"must exceed expected_noise_low_bound ({ExpectedNoiseLowBound}) >= 0");
        Require(MaxNanFraction is >= 0 and <= 1, "max_nan_fraction", MaxNanFraction, "must be within [0, 1]");
    }

    private static void Require(bool ok, string key, double value, string what)
    {
        if (!ok) throw new ArgumentException($"Quality configuration: {key} = {value} {what}; fix it in the job configuration.");
    }
}
