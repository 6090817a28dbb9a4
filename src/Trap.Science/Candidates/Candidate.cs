namespace Trap.Science.Candidates;

/// <summary>
/// A selected, classified transient or variable candidate: one catalogue source in its chosen band.
/// </summary>
/// <param name="RaDeg">Weighted-mean position of the catalogue source (deg).</param>
/// <param name="ErrorRadiusDeg">Position error radius: the larger of the east-west and north-south uncertainties (deg).</param>
/// <param name="TriggerUtc">When it happened: the first detection of a source that appeared, else the time of its peak.</param>
/// <param name="LightCurveSigma">The significance of its flux change over the whole light curve (<see cref="LightCurveChange"/>).</param>
/// <param name="Score">Its score: from <paramref name="LightCurveSigma"/>, or the classification's (candidate_score).</param>
public sealed record Candidate(
    BandSelection Selection,
    double RaDeg,
    double DecDeg,
    double ErrorRadiusDeg,
    CandidateFeatures Features,
    Classification Classification,
    DateTime TriggerUtc,
    double LightCurveSigma,
    double Score)
{
    public long RuncatId => Selection.Metrics.RuncatId;

    public BandMetrics Metrics => Selection.Metrics;

    /// <summary>Builds the candidate of a selection from its band light curve and the catalogue's bright sources.</summary>
    public static Candidate Build(BandSelection selection, double raDeg, double decDeg, double errorRadiusDeg,
        IReadOnlyList<LightCurvePoint> lightCurve, BrightSourceIndex brightSources, TransientSearchConfig config)
    {
        var metrics = selection.Metrics;
        var features = FeatureExtractor.Extract(metrics.RuncatId, raDeg, decDeg, lightCurve, brightSources, config);
        // A new source whose backward fits show it was there before did not appear (docs/science.md).
        var appeared = metrics.NewSourceType is not null && !(selection.BackwardSigmas < config.NewSourceBackwardSigma);
        var classification = CandidateClassifier.Classify(features, appeared, metrics.EtaSignificance, config);
        var points = lightCurve.Select(p => (p.FIntJy, p.FIntErrJy));
        if (appeared && selection.Backward is { } backward) points = points.Append((backward.MeanJy, backward.MeanErrJy));
        var sigma = LightCurveChange.Sigma(points);
        var score = config.CandidateScore == CandidateScore.LightCurve
            ? LightCurveChange.Score(sigma, config.LightCurveHalfScoreSigma)
            : classification.Score;
        return new Candidate(selection, raDeg, decDeg, errorRadiusDeg, features, classification,
            appeared ? features.FirstDetectionUtc : features.PeakUtc, sigma, score);
    }

    /// <summary>
    /// False when its flux change is less significant than [transient_search] light_curve_sigma_min: a
    /// light curve of fewer than two points, or of a band too short for the variability tests, is not judged.
    /// </summary>
    public bool ChangedEnough(TransientSearchConfig config) =>
        config.LightCurveSigmaMin <= 0 || Features.Points < 2 || LightCurveSigma >= config.LightCurveSigmaMin;
}
