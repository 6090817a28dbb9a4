using Trap.Science.Candidates;

namespace Trap.Science.Tests.Candidates;

/// <summary>Features from light curves and the classification rules, on hand-made light curves.</summary>
public class ClassificationTests
{
    private static readonly TransientSearchConfig Config = new();
    private static readonly DateTime Start = new(2024, 9, 22, 0, 0, 0, DateTimeKind.Utc);
    private const double Beam = 60.0 / 3600.0;

    /// <summary>A light curve with one point per minute; a flux of null is a forced fit at 0.01 Jy.</summary>
    private static List<LightCurvePoint> Curve(IEnumerable<double?> fluxes, double edgeBeams = 10, double chiSq = 1.0) =>
        fluxes.Select((f, i) => new LightCurvePoint(Start.AddMinutes(i), i, f ?? 0.01, 0.015, f ?? 0.01, 0.015, f is null,
            edgeBeams, 0.3, Beam, chiSq)).ToList();

    private static readonly BrightSourceIndex NoBrightSources = new(Array.Empty<BrightSource>());

    private static Classification Classify(List<LightCurvePoint> curve, bool appeared, BrightSourceIndex? bright = null) =>
        CandidateClassifier.Classify(FeatureExtractor.Extract(1, 10, 20, curve, bright ?? NoBrightSources, Config), appeared, 0.999, Config);

    [Fact]
    public void SpearmanMeasuresMonotonicTrendsWithTies()
    {
        Assert.Equal(1.0, FeatureExtractor.Spearman(new[] { 1.0, 2, 5, 100 }), 12);
        Assert.Equal(-1.0, FeatureExtractor.Spearman(new[] { 9.0, 3, 2, 1 }), 12);
        Assert.Equal(0.0, FeatureExtractor.Spearman(new[] { 2.0, 2, 2, 2 }));
        // Ranks 1, 2.5, 2.5, 4 against 1..4: ρ = 4.5 / sqrt(5 × 4.5).
        Assert.Equal(4.5 / Math.Sqrt(5 * 4.5), FeatureExtractor.Spearman(new[] { 1.0, 3, 3, 7 }), 12);
    }

    [Fact]
    public void FeaturesDescribeTheLightCurve()
    {
        var curve = Curve(new double?[] { 0.2, 0.4, 0.3, null, 0.1 });
        var f = FeatureExtractor.Extract(1, 10, 20, curve, NoBrightSources, Config);
        Assert.Equal(5, f.Points);
        Assert.Equal(0.2, f.ForcedFraction, 12);
        Assert.Equal(Start.AddMinutes(1), f.PeakUtc);
        Assert.Equal(0.4, f.PeakFluxJy);
        Assert.Equal(0.5, f.FirstToPeak, 12);
        Assert.Equal(0.25, f.LastToPeak, 12);
        Assert.Equal(Start, f.FirstDetectionUtc);
        Assert.Null(f.BrightNeighbourRuncatId);
        Assert.Equal(double.PositiveInfinity, f.BrightNeighbourDistanceBeams);
    }

    [Fact]
    public void AppearedSourcesAreFlaresWhenTheyFadeAndNewSourcesWhenTheyStay()
    {
        var flare = Classify(Curve(new double?[] { 0.5, 0.3, 0.15, null, null }), appeared: true);
        Assert.Equal(CandidateClass.Flare, flare.Class);
        var stays = Classify(Curve(new double?[] { 0.3, 0.32, 0.29, 0.31 }), appeared: true);
        Assert.Equal(CandidateClass.NewSource, stays.Class);
        Assert.InRange(flare.Score, 0.5, 1.0);
        Assert.True(stays.Score > 0.5);
    }

    [Fact]
    public void SourcesPresentFromTheStartAreFadingOnlyWhenTheyDeclineSteadily()
    {
        Assert.Equal(CandidateClass.Fading, Classify(Curve(new double?[] { 0.6, 0.5, 0.4, 0.3, 0.2, 0.1 }), appeared: false).Class);
        // Ends low but jumps around: variable, not fading.
        Assert.Equal(CandidateClass.Variable, Classify(Curve(new double?[] { 0.3, 0.1, 0.6, 0.2, 0.5, 0.1 }), appeared: false).Class);
        var variable = Classify(Curve(new double?[] { 0.3, 0.4, 0.2, 0.5, 0.3 }), appeared: false);
        Assert.Equal(CandidateClass.Variable, variable.Class);
        Assert.Equal(0.999, variable.Score);
    }

    [Fact]
    public void SourcesAtTheEdgeOrBesideABrightSourceAreArtefacts()
    {
        var edge = Classify(Curve(new double?[] { 0.5, 0.3, 0.15 }, edgeBeams: 0.2), appeared: true);
        Assert.Equal((CandidateClass.Artefact, "edge"), (edge.Class, edge.Rule));
        Assert.Equal(0.8, edge.Score, 12); // 0.3 of edge_margin_beams = 0.5 inside it

        // 3 beams away from a source 40 times brighter than the candidate's peak.
        var bright = new BrightSourceIndex(new[]
        {
            new BrightSource(9, 10, 20 + 3 * Beam, 20.0),
            new BrightSource(1, 10, 20, 50.0), // the candidate itself never counts
        });
        var beside = Classify(Curve(new double?[] { 0.5, 0.5, 0.5 }), appeared: true, bright);
        Assert.Equal((CandidateClass.Artefact, "bright_neighbour"), (beside.Class, beside.Rule));
        var features = FeatureExtractor.Extract(1, 10, 20, Curve(new double?[] { 0.5, 0.5, 0.5 }), bright, Config);
        Assert.Equal(9L, features.BrightNeighbourRuncatId);
        Assert.Equal(3.0, features.BrightNeighbourDistanceBeams, 6);
        Assert.Equal(40.0, features.BrightNeighbourFluxRatio, 12);

        // A neighbour 12 times brighter does not count (bright_source_ratio 30: a cleaned image's sidelobes stay
        // below a few per cent; real transients in dense fields have such neighbours, docs/science.md §8.5).
        var faint = new BrightSourceIndex(new[] { new BrightSource(9, 10, 20 + 3 * Beam, 6.0) });
        Assert.Equal(CandidateClass.NewSource, Classify(Curve(new double?[] { 0.5, 0.5, 0.5 }), appeared: true, faint).Class);
    }

    [Fact]
    public void CandidateTriggerIsTheFirstDetectionOfANewSourceAndThePeakOtherwise()
    {
        var curve = Curve(new double?[] { null, 0.2, 0.5, 0.3 });
        var selection = new BandSelection(new BandMetrics(1, 0, 4, 0.4, 20, 1, 20, 15), SelectionReasons.NewSource, double.NaN, double.NaN);
        var appeared = Candidate.Build(selection, 10, 20, 0.001, curve, NoBrightSources, Config);
        Assert.Equal(Start.AddMinutes(1), appeared.TriggerUtc);
        var variable = Candidate.Build(selection with { Metrics = selection.Metrics with { NewSourceType = null } }, 10, 20, 0.001, curve, NoBrightSources, Config);
        Assert.Equal(Start.AddMinutes(2), variable.TriggerUtc);
    }

    [Fact]
    public void ANewSourceItsBackwardFitsFoundBeforeDidNotAppear()
    {
        var curve = Curve(new double?[] { 0.2, 0.2, 0.3, 0.2 });
        var selection = new BandSelection(new BandMetrics(1, 0, 4, 0.2, 20, 1, 20, 15), SelectionReasons.Cuts, double.NaN, double.NaN);
        var seenBefore = selection with { Backward = new BackwardFlux(5, 0.2, 0.01), BackwardSigmas = 0.3 };
        Assert.Equal(CandidateClass.Variable, Candidate.Build(seenBefore, 10, 20, 0.001, curve, NoBrightSources, Config).Classification.Class);
        var confirmed = new BandSelection(selection.Metrics, SelectionReasons.NewSource, double.NaN, double.NaN)
            { Backward = new BackwardFlux(5, 0.0, 0.01), BackwardSigmas = 12 };
        var appeared = Candidate.Build(confirmed, 10, 20, 0.001, curve, NoBrightSources, Config);
        Assert.Equal(CandidateClass.NewSource, appeared.Classification.Class);
        // Its backward mean at 0 Jy is one more point: the change is far beyond the errors.
        Assert.True(appeared.LightCurveSigma > 10, $"change {appeared.LightCurveSigma:F1}σ");
        Assert.Equal(LightCurveChange.Score(appeared.LightCurveSigma, Config.LightCurveHalfScoreSigma), appeared.Score, 12);
    }
}
