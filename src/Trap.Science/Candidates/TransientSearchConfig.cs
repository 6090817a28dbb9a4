namespace Trap.Science.Candidates;

/// <summary>
/// [transient_search]: how transient and variable candidates are selected and classified. TraP HEAD
/// flags nothing (users cut on η, V and sigma_rms by hand, or fit log10 η and log10 V with TraP_tools
/// and flag outliers, docs/science.md §8.4); these settings make that practice part of the run. Every cut
/// is applied to each frequency band's own metrics, and the outlier fit is made per band.
/// </summary>
public sealed record TransientSearchConfig
{
    /// <summary>min_datapoints = 3: a band's light curve needs at least this many flux points for
    /// the variability cuts and the outlier fit (TraP r1.x used f_datapoints &gt; 1).</summary>
    public int MinDatapoints { get; init; } = 3;

    /// <summary>eta_min = 2: fixed cut η_ν ≥ this (TraP r1.x eta_lim was 8).</summary>
    public double EtaMin { get; init; } = 2.0;

    /// <summary>v_min = 0.1: fixed cut V_ν ≥ this (TraP r1.x V_lim was 0.4).</summary>
    public double VMin { get; init; } = 0.1;

    /// <summary>significance_min = 0.99: fixed cut on 1 − Q_χ²(η(N−1); N−1), the probability that the
    /// source is not flat (TraP r1.x threshold was 0.9).</summary>
    public double SignificanceMin { get; init; } = 0.99;

    /// <summary>position_shift_sigma = 2: a source whose band passes the η and significance cuts (not v_min) is also
    /// selected when its blind positions in that band move by at least this many σ (χ² about their weighted mean
    /// against the fits' errors, as a Gaussian σ): a transient blended with a steady source shifts the blend's
    /// position while the steady flux dilutes its V (docs/science.md §8.4); 0 = off. Such a candidate is measured and
    /// reported where its positions move to (its shift target).</summary>
    public double PositionShiftSigma { get; init; } = 2.0;

    /// <summary>outlier_sigma = 2: a band's source is an outlier when both log10 η and log10 V lie more
    /// than this many robust sigmas (1.4826 × MAD) above the band's medians (TraP_tools uses 2).</summary>
    public double OutlierSigma { get; init; } = 2.0;

    /// <summary>outlier_min_sources = 10: fit the distributions only in bands with at least this many
    /// sources that qualify (not new, enough datapoints, η and V &gt; 0); with fewer the outlier test passes.</summary>
    public int OutlierMinSources { get; init; } = 10;

    /// <summary>variability_selection = either: which variability test selects a candidate: cuts (the
    /// fixed cuts), outliers (the data-driven test), both (must pass the two) or either. The default is
    /// either because V of steady sources scales as 1/(S/N), which widens the log10 V distribution so
    /// much that a source varying by 30% at S/N 20 is no 2σ outlier in V (measured on a generated survey:
    /// with both, 8 of 8 such variables were missed).</summary>
    public VariabilitySelection VariabilitySelection { get; init; } = VariabilitySelection.Either;

    /// <summary>new_source_selection = possible: new sources that are candidates whatever their
    /// variability: possible (newsource_type 0 or 1), likely (type 1 only) or none.</summary>
    public NewSourceSelection NewSourceSelection { get; init; } = NewSourceSelection.Possible;

    /// <summary>new_source_sigma_rms_min = 0: a new source must also have sigma_rms_min (trigger flux over
    /// the best previous image's lowest RMS) at least this.</summary>
    public double NewSourceSigmaRmsMin { get; init; } = 0.0;

    /// <summary>new_source_sigma_rms_max = 0: ... and sigma_rms_max (over that image's highest RMS) at least this.</summary>
    public double NewSourceSigmaRmsMax { get; init; } = 0.0;

    /// <summary>new_source_backward_sigma = 5: a new source stays one only if its trigger f_int exceeds the
    /// weighted mean of forced fits at its position in the earlier images of its band by at least this
    /// many σ (docs/science.md, "Backward photometry of new sources"); 0 = no backward fits (TraP).</summary>
    public double NewSourceBackwardSigma { get; init; } = 5.0;

    /// <summary>light_curve_sigma_min = 4: a candidate is kept only if the flux change of its whole light curve
    /// (with a new source's backward fits) is at least this significant in σ (docs/science.md, "Candidate
    /// score"); 0 = keep every selected source (TraP's selection).</summary>
    public double LightCurveSigmaMin { get; init; } = 4.0;

    /// <summary>group_fit_radius_beams = 2: a candidate with another catalogue source within this many beam FWHM (major
    /// axis) is measured again in every image of its light curve by one joint forced fit at the catalogue positions about
    /// it, which the cut above and the score then judge (docs/science.md, "Group fits of blended candidates"); 0 = off.</summary>
    public double GroupFitRadiusBeams { get; init; } = 2.0;

    /// <summary>candidate_score = light_curve: the candidates' score is σ/(σ + light_curve_half_score_sigma) of
    /// that significance σ, one scale for every class; class_rule = the confidence of the class rule (before).</summary>
    public CandidateScore CandidateScore { get; init; } = CandidateScore.LightCurve;

    /// <summary>light_curve_half_score_sigma = 10: the significance that scores 0.5.</summary>
    public double LightCurveHalfScoreSigma { get; init; } = 10.0;

    /// <summary>edge_margin_beams = 0.5: a candidate seen closer than this many beam FWHM (major axis) to the
    /// border of the searched area (margin or extraction circle) is classified an artefact (a source cut by the
    /// edge). It was 1 while the distance was measured from the image border (docs/science.md).</summary>
    public double EdgeMarginBeams { get; init; } = 0.5;

    /// <summary>duplicate_radius_beams = 0 (off): e.g. 1: a candidate within this many beam FWHM of another catalogue source, of
    /// any flux, is classified an artefact: two catalogue sources closer than the beam are one source whose
    /// detections went to two identities, and each one's forced fits, made off its centre, fake variability
    /// (docs/science.md, "Candidate score"). Off by default: it also hides real variables whose identity split.</summary>
    public double DuplicateRadiusBeams { get; init; } = 0.0;

    /// <summary>bright_source_ratio = 30: catalogue sources at least this many times brighter than a
    /// candidate's light-curve maximum count as bright neighbours (a cleaned image's sidelobes stay below a
    /// few per cent of their source; 10 flagged real transients in dense fields, docs/science.md §8.5) ...</summary>
    public double BrightSourceRatio { get; init; } = 30.0;

    /// <summary>bright_source_radius_beams = 5: ... and a candidate within this many beam FWHM of one is
    /// classified an artefact (sidelobe or deconvolution residual of the bright source).</summary>
    public double BrightSourceRadiusBeams { get; init; } = 5.0;

    /// <summary>fade_ratio = 0.5: a light curve whose last flux is below this fraction of its maximum has
    /// faded: a new source that fades is a flare; a source present from the start that fades steadily is fading.</summary>
    public double FadeRatio { get; init; } = 0.5;

    /// <summary>trend_min = 0.6: a steady fade needs a Spearman rank correlation of flux with time of −trend_min or less.</summary>
    public double TrendMin { get; init; } = 0.6;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first out-of-range setting.</summary>
    public void Validate()
    {
        Require(NewSourceBackwardSigma >= 0, "new_source_backward_sigma", "a non-negative number (default 5; 0 = off)");
        Require(LightCurveSigmaMin >= 0, "light_curve_sigma_min", "a non-negative number of σ (default 4; 0 = off)");
        Require(GroupFitRadiusBeams is >= 0 and <= 2, "group_fit_radius_beams", "a number of beams in [0, 2], the reach of a joint forced fit (default 2; 0 = off)");
        Require(LightCurveHalfScoreSigma > 0, "light_curve_half_score_sigma", "a positive number of σ (default 10)");
        Require(MinDatapoints >= 2, "min_datapoints", "an integer of at least 2 (default 3)");
        Require(EtaMin >= 0, "eta_min", "a non-negative number (default 2)");
        Require(VMin >= 0, "v_min", "a non-negative number (default 0.1)");
        Require(PositionShiftSigma >= 0, "position_shift_sigma", "a non-negative number of σ (default 2; 0 = off)");
        Require(SignificanceMin is >= 0 and <= 1, "significance_min", "a probability in [0, 1] (default 0.99)");
        Require(OutlierSigma >= 0, "outlier_sigma", "a non-negative number of sigmas (default 2)");
        Require(OutlierMinSources >= 3, "outlier_min_sources", "an integer of at least 3 (default 10)");
        Require(NewSourceSigmaRmsMin >= 0 && NewSourceSigmaRmsMax >= 0, "new_source_sigma_rms_min/max", "non-negative numbers (default 0)");
        Require(EdgeMarginBeams >= 0, "edge_margin_beams", "a non-negative number of beams (default 0.5)");
        Require(DuplicateRadiusBeams >= 0, "duplicate_radius_beams", "a non-negative number of beams (default 0 = off)");
        Require(BrightSourceRatio >= 1, "bright_source_ratio", "a flux ratio of at least 1 (default 30)");
        Require(BrightSourceRadiusBeams >= 0, "bright_source_radius_beams", "a non-negative number of beams (default 5)");
        Require(FadeRatio is > 0 and < 1, "fade_ratio", "a fraction between 0 and 1 (default 0.5)");
        Require(TrendMin is > 0 and <= 1, "trend_min", "a correlation in (0, 1] (default 0.6)");
    }

    private static void Require(bool ok, string key, string expected)
    {
        if (!ok) throw new ArgumentException($"[transient_search] {key} is out of range: it must be {expected}.", key);
    }
}

/// <summary>How the fixed variability cuts and the data-driven outlier test combine.</summary>
public enum VariabilitySelection
{
    Cuts,
    Outliers,
    Both,
    Either,
}

/// <summary>What a candidate's score measures.</summary>
public enum CandidateScore
{
    LightCurve,
    ClassRule,
}

/// <summary>Which new sources (TraP newsource types) are candidates.</summary>
public enum NewSourceSelection
{
    None,
    Possible,
    Likely,
}
