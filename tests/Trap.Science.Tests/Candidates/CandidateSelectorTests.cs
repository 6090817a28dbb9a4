using Trap.Science.Candidates;

namespace Trap.Science.Tests.Candidates;

public class CandidateSelectorTests
{
    /// <summary>A band of steady sources: η around 1 and V around 0.05, each within a factor <paramref name="spread"/> (deterministic).</summary>
    private static List<BandMetrics> SteadyBand(int band, int count = 40, long firstId = 1, double spread = 1.5) =>
        Enumerable.Range(0, count)
            .Select(i => new BandMetrics(firstId + i, band, 12, 0.05 * Math.Pow(spread, Math.Sin(i)), Math.Pow(spread, Math.Cos(1.7 * i)), null, null, null))
            .ToList();

    [Fact]
    public void RobustFitIgnoresOutliers()
    {
        var values = Enumerable.Range(0, 101).Select(i => (i - 50) / 50.0 * 1.349).ToList();
        var clean = RobustGaussian.Fit(values);
        var polluted = RobustGaussian.Fit(values.Concat(Enumerable.Repeat(1000.0, 5)).ToList());
        Assert.Equal(0.0, clean.Median, 12);
        // Uniform on ±1.349: MAD = 0.6745, so σ = 1.4826 × 0.6745 ≈ 1.
        Assert.Equal(1.0, clean.Sigma, 2);
        Assert.InRange(polluted.Sigma, 0.95, 1.15);
        Assert.Equal(3.0, clean.SigmasAbove(3.0), 2);
        Assert.Equal(double.PositiveInfinity, new RobustGaussian(1, 0, 3).SigmasAbove(2));
    }

    [Fact]
    public void FixedCutsNeedEtaVSignificanceAndDatapoints()
    {
        var config = new TransientSearchConfig { VariabilitySelection = VariabilitySelection.Cuts };
        var passes = new BandMetrics(100, 0, 12, 0.3, 20, null, null, null);
        var metrics = new List<BandMetrics>
        {
            passes,
            passes with { RuncatId = 101, EtaInt = 1.5 },          // η below eta_min
            passes with { RuncatId = 102, VInt = 0.05 },           // V below v_min
            passes with { RuncatId = 103, FDatapoints = 2 },       // too few points
            passes with { RuncatId = 104, EtaInt = 2.1, FDatapoints = 3 }, // η ≥ 2 but significance 1 − Q(4.2; 2) = 0.88 < 0.99
        };
        var selected = CandidateSelector.Select(metrics, config);
        Assert.Equal(new long[] { 100 }, selected.Select(s => s.Metrics.RuncatId));
        Assert.Equal(SelectionReasons.Cuts, selected[0].Reasons);
    }

    [Fact]
    public void APositionShiftSelectsAFluxChangeBelowVMin()
    {
        var config = new TransientSearchConfig();
        // η 20 on 12 points, V 0.05 < v_min: a blend's diluted change; 12 positions with χ²/dof 4 (≈ 7σ).
        var blend = new BandMetrics(100, 0, 12, 0.05, 20, null, null, null, PositionDatapoints: 12, EtaPosition: 4);
        var metrics = new List<BandMetrics>
        {
            blend,
            blend with { RuncatId = 101, EtaPosition = 1.1 },              // positions scatter as their errors say
            blend with { RuncatId = 102, EtaInt = 1.5 },                   // flux change below eta_min
            blend with { RuncatId = 103, PositionDatapoints = 2 },         // too few positions
        };
        var selected = CandidateSelector.Select(metrics, config);
        Assert.Equal(new long[] { 100 }, selected.Select(s => s.Metrics.RuncatId));
        Assert.Equal(SelectionReasons.PositionShift, selected[0].Reasons);
        Assert.Equal("position_shift", SelectionReasonsText.Format(selected[0].Reasons));
        Assert.True(blend.PositionSigma > 3 && metrics[1].PositionSigma < 3);
        Assert.Empty(CandidateSelector.Select(metrics, config with { PositionShiftSigma = 0 }));
    }

    [Fact]
    public void OutliersAreFoundPerBandInBothEtaAndV()
    {
        var config = new TransientSearchConfig { VariabilitySelection = VariabilitySelection.Outliers };
        var metrics = SteadyBand(0).Concat(SteadyBand(1, firstId: 1000)).ToList();
        metrics.Add(new BandMetrics(500, 0, 12, 0.5, 30, null, null, null));     // outlier in both
        metrics.Add(new BandMetrics(501, 0, 12, 0.05, 30, null, null, null));    // η only
        metrics.Add(new BandMetrics(502, 1, 12, 0.5, 1.0, null, null, null));    // V only
        var evaluated = CandidateSelector.Evaluate(metrics, config).ToDictionary(s => s.Metrics.RuncatId);
        Assert.Equal(SelectionReasons.Outlier | SelectionReasons.Cuts, evaluated[500].Reasons);
        Assert.True(evaluated[500].EtaSigmas > 2 && evaluated[500].VSigmas > 2);
        Assert.False(evaluated[501].Selected);
        Assert.False(evaluated[502].Selected);
        Assert.All(metrics.Where(m => m.RuncatId < 500 || m.RuncatId >= 1000), m => Assert.False(evaluated[m.RuncatId].Selected));
    }

    [Fact]
    public void TooFewSourcesForAFitLeaveTheOutlierTestToTheMode()
    {
        var variable = new BandMetrics(1, 0, 12, 0.5, 30, null, null, null);
        var few = new List<BandMetrics> { variable, variable with { RuncatId = 2, EtaInt = 1, VInt = 0.05 } };
        Assert.Empty(CandidateSelector.Select(few, new TransientSearchConfig { VariabilitySelection = VariabilitySelection.Outliers }));
        var both = CandidateSelector.Select(few, new TransientSearchConfig { VariabilitySelection = VariabilitySelection.Both });
        Assert.Equal(1L, Assert.Single(both).Metrics.RuncatId);
        Assert.True(double.IsNaN(both[0].EtaSigmas));
    }

    [Fact]
    public void ModesCombineTheTwoTests()
    {
        // In a wide band (σ ≈ 0.5 dex): 600 passes the cuts but its η is no outlier; 601 is an outlier that fails v_min.
        var metrics = SteadyBand(0, spread: 3);
        metrics.Add(new BandMetrics(600, 0, 12, 0.6, 2.6, null, null, null));
        metrics.Add(new BandMetrics(601, 0, 12, 0.4, 40, null, null, null));
        var config = new TransientSearchConfig { VMin = 0.5, OutlierSigma = 1.5 };
        long[] Ids(VariabilitySelection mode) =>
            CandidateSelector.Select(metrics, config with { VariabilitySelection = mode }).Select(s => s.Metrics.RuncatId).ToArray();
        Assert.Equal(new long[] { 600 }, Ids(VariabilitySelection.Cuts));
        Assert.Equal(new long[] { 601 }, Ids(VariabilitySelection.Outliers));
        Assert.Empty(Ids(VariabilitySelection.Both));
        Assert.Equal(new long[] { 600, 601 }, Ids(VariabilitySelection.Either));
    }

    [Fact]
    public void NewSourcesBySelectionTypeAndSigma()
    {
        var possible = new BandMetrics(1, 0, 1, 0, 0, 0, 12, 9);
        var likely = new BandMetrics(2, 0, 1, 0, 0, 1, 30, 20);
        var metrics = new List<BandMetrics> { possible, likely };
        long[] Ids(TransientSearchConfig c) => CandidateSelector.Select(metrics, c).Select(s => s.Metrics.RuncatId).ToArray();
        Assert.Equal(new long[] { 1, 2 }, Ids(new TransientSearchConfig()));
        Assert.Equal(new long[] { 2 }, Ids(new TransientSearchConfig { NewSourceSelection = NewSourceSelection.Likely }));
        Assert.Empty(Ids(new TransientSearchConfig { NewSourceSelection = NewSourceSelection.None }));
        Assert.Equal(new long[] { 2 }, Ids(new TransientSearchConfig { NewSourceSigmaRmsMax = 10 }));
        Assert.Equal(SelectionReasons.NewSource, CandidateSelector.Select(metrics, new TransientSearchConfig())[0].Reasons);
    }

    [Fact]
    public void ASourceSelectedInSeveralBandsKeepsItsNewSourceBandThenItsMostSignificant()
    {
        var config = new TransientSearchConfig { VariabilitySelection = VariabilitySelection.Cuts };
        var metrics = new List<BandMetrics>
        {
            new(7, 0, 12, 0.3, 10, null, null, null),
            new(7, 1, 12, 0.3, 40, null, null, null),
            new(8, 0, 12, 0.3, 40, null, null, null),
            new(8, 2, 5, 0, 0, 1, 20, 15),
        };
        var selected = CandidateSelector.Select(metrics, config);
        Assert.Equal(new[] { (7L, 1), (8L, 2) }, selected.Select(s => (s.Metrics.RuncatId, s.Metrics.BandId)));
    }

    [Fact]
    public void BadSettingsAreNamed()
    {
        Assert.Contains("significance_min", Assert.Throws<ArgumentException>(() => new TransientSearchConfig { SignificanceMin = 2 }.Validate()).Message);
        Assert.Contains("fade_ratio", Assert.Throws<ArgumentException>(() => new TransientSearchConfig { FadeRatio = 1 }.Validate()).Message);
        new TransientSearchConfig().Validate();
    }
}
