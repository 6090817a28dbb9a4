namespace Trap.Science.Candidates;

/// <summary>
/// A selected, classified transient or variable candidate: one catalogue source in its chosen band.
/// </summary>
/// <param name="RaDeg">Weighted-mean position of the catalogue source (deg).</param>
/// <param name="ErrorRadiusDeg">Position error radius: the larger of the east-west and north-south uncertainties (deg).</param>
/// <param name="TriggerUtc">When it happened: the first detection of a source that appeared, else the time of its peak.</param>
public sealed record Candidate(
    BandSelection Selection,
    double RaDeg,
    double DecDeg,
    double ErrorRadiusDeg,
    CandidateFeatures Features,
    Classification Classification,
    DateTime TriggerUtc)
{
    public long RuncatId => Selection.Metrics.RuncatId;

    public BandMetrics Metrics => Selection.Metrics;

    /// <summary>Builds the candidate of a selection from its band light curve and the catalogue's bright sources.</summary>
    public static Candidate Build(BandSelection selection, double raDeg, double decDeg, double errorRadiusDeg,
        IReadOnlyList<LightCurvePoint> lightCurve, BrightSourceIndex brightSources, TransientSearchConfig config)
    {
        var metrics = selection.Metrics;
        var features = FeatureExtractor.Extract(metrics.RuncatId, raDeg, decDeg, lightCurve, brightSources, config);
        var appeared = metrics.NewSourceType is not null;
        var classification = CandidateClassifier.Classify(features, appeared, metrics.EtaSignificance, config);
        return new Candidate(selection, raDeg, decDeg, errorRadiusDeg, features, classification,
            appeared ? features.FirstDetectionUtc : features.PeakUtc);
    }
}
