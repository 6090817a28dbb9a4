using Trap.Science.Candidates;

namespace Trap.Science.Tests.Candidates;

/// <summary>The light-curve change significance and the candidate score made from it (docs/science.md, "Candidate score").</summary>
public class LightCurveChangeTests
{
    private static IEnumerable<(double, double)> Curve(params double[] fluxes) => fluxes.Select(f => (f, 0.01));

    [Fact]
    public void AFlatLightCurveHasNoSignificantChange()
    {
        Assert.Equal(0.0, LightCurveChange.Sigma(Curve(0.1, 0.1, 0.1, 0.1)));
        // Scatter of 1σ: χ² = ν, about 0.5σ by Wilson–Hilferty (its mean is 1 − 2/(9ν), not 1).
        Assert.InRange(LightCurveChange.Sigma(Curve(0.11, 0.09, 0.11, 0.09, 0.11, 0.09)), 0.0, 1.0);
    }

    [Fact]
    public void OneTenSigmaPointAmongTwelveIsAboutSevenSigma()
    {
        var fluxes = Enumerable.Repeat(0.1, 11).Append(0.2).ToArray();
        // χ² = 100·11/12 ≈ 91.7 on 11 degrees of freedom: tail probability ≈ 1e-14, i.e. ≈ 7.6σ.
        Assert.InRange(LightCurveChange.Sigma(Curve(fluxes)), 7.0, 8.5);
    }

    [Fact]
    public void FewerThanTwoUsablePointsGiveZero()
    {
        Assert.Equal(0.0, LightCurveChange.Sigma(Curve(0.5)));
        Assert.Equal(0.0, LightCurveChange.Sigma(new[] { (0.5, 0.01), (0.1, double.NaN), (0.2, 0.0) }));
    }

    [Fact]
    public void TheScoreIsHalfAtTheHalfScoreSigmaAndGrowsWithSignificance()
    {
        Assert.Equal(0.5, LightCurveChange.Score(10, 10), 12);
        Assert.Equal(0.0, LightCurveChange.Score(0, 10));
        Assert.True(LightCurveChange.Score(20, 10) > LightCurveChange.Score(12, 10));
        Assert.InRange(LightCurveChange.Score(1e6, 10), 0.99, 1.0);
    }
}
