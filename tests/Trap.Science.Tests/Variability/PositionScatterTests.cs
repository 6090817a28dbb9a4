using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Trap.Science.Variability;

namespace Trap.Science.Tests.Variability;

/// <summary>The χ² of a source's blind positions about their weighted mean (docs/science.md §8.1, "Position variability").</summary>
public class PositionScatterTests
{
    /// <summary>12 positions of a source that does not move, each with its own errors (0.3–3″ per axis), scattered by them.</summary>
    private static PositionScatter WhiteNoise(Random random, Normal normal, int points = 12)
    {
        var scatter = new PositionScatter();
        for (var i = 0; i < points; i++)
        {
            var xiErr = 0.3 + 2.7 * random.NextDouble();
            var etaErr = 0.3 + 2.7 * random.NextDouble();
            scatter.Add(4.0 + xiErr * normal.Sample(), -2.0 + etaErr * normal.Sample(), xiErr, etaErr, 1.0 + 0.1 * normal.Sample());
        }
        return scatter;
    }

    [Fact]
    public void WhiteNoisePositionsGiveReducedChiSquareOfOne()
    {
        var random = new Random(5);
        var normal = new Normal(0, 1, new MersenneTwister(7));
        var runs = Enumerable.Range(0, 2000).Select(_ => WhiteNoise(random, normal)).ToList();
        // 2000 × 22 degrees of freedom: the mean χ²/dof is 1 ± 0.007 (1σ).
        Assert.InRange(runs.Average(s => s.Reduced), 0.97, 1.03);
        Assert.All(runs, s => Assert.Equal(22, s.Dof));
        // Above 3σ: a one-sided Gaussian tail of 0.13 %.
        var above = runs.Count(s => PositionScatter.Sigma(s.Points, s.Reduced) >= 3) / (double)runs.Count;
        Assert.InRange(above, 0.0, 0.006);
    }

    [Fact]
    public void APositionThatMovesIsSignificant()
    {
        var scatter = new PositionScatter();
        for (var i = 0; i < 12; i++)
        {
            // Two of twelve positions 6σ north of the others: the centroid of a blend while its transient shines.
            scatter.Add(0, i is 6 or 7 ? 6.0 : 0.0, 1.0, 1.0, i is 6 or 7 ? 1.5 : 1.0);
        }
        // χ² = 2 × 10/12 × 36 = 60 on 22 degrees of freedom.
        Assert.Equal(60.0, scatter.ChiSquare, 9);
        Assert.True(PositionScatter.Sigma(scatter.Points, scatter.Reduced) > 4);
    }

    [Fact]
    public void TheTargetIsWhereTheChangingFluxIs()
    {
        // A steady source of 3 at (0, 0) blended with a component at (2, −5) of flux 0, 1 or 0.5: fitted at the flux-weighted mean.
        var scatter = new PositionScatter();
        foreach (var t in new[] { 0.0, 0.0, 1.0, 0.5, 0.0, 1.0 })
            scatter.Add(2 * t / (3 + t), -5 * t / (3 + t), 0.1, 0.1, 3 + t);
        var (xi, eta) = scatter.Target!.Value;
        Assert.Equal(2.0, xi, 9);
        Assert.Equal(-5.0, eta, 9);

        // A constant flux says nothing about where a change is.
        var steady = new PositionScatter();
        for (var i = 0; i < 5; i++) steady.Add(0.1 * i, 0, 0.1, 0.1, 3);
        Assert.Null(steady.Target);
    }

    [Fact]
    public void PositionsWithoutUsableErrorsAreNotCounted()
    {
        var scatter = new PositionScatter();
        scatter.Add(1, 1, 0, 1, 1);
        scatter.Add(1, 1, 1, double.NaN, 1);
        scatter.Add(double.PositiveInfinity, 1, 1, 1, 1);
        scatter.Add(1, 1, 1, 1, double.NaN);
        Assert.Equal(0, scatter.Points);
        scatter.Add(1, 1, 1, 1, 1);
        Assert.Equal(1, scatter.Points);
        Assert.Equal(0.0, scatter.Reduced);
        Assert.Equal(0.0, PositionScatter.Sigma(scatter.Points, scatter.Reduced));
    }
}
