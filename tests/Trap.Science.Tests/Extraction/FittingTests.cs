using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Detection;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

public class FittingTests
{
    private static Island Stamp(GaussianParameters g, int size, double threshold, double noise = 1)
    {
        var values = new double[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var v = g.Evaluate(x, y);
                values[y * size + x] = v > threshold ? v : double.NaN;
            }
        }
        return new Island(new PixelBox(0, 0, size, size), values, threshold, noise, values.Where(Island.IsMember).Max() / noise);
    }

    private static (double[] X, double[] Y, double[] D) Arrays(Island island)
    {
        var x = new List<double>();
        var y = new List<double>();
        var d = new List<double>();
        for (var by = 0; by < island.Box.Height; by++)
        {
            for (var bx = 0; bx < island.Box.Width; bx++)
            {
                if (!Island.IsMember(island[bx, by])) continue;
                x.Add(bx);
                y.Add(by);
                d.Add(island[bx, by]);
            }
        }
        return (x.ToArray(), y.ToArray(), d.ToArray());
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-1.1)]
    [InlineData(1.4)]
    public void LevenbergMarquardtRecoversAnExactGaussian(double theta)
    {
        var truth = new GaussianParameters(2.0, 15.3, 14.6, 4.0, 2.0, theta);
        var island = Stamp(truth, 31, 0.05);
        var (x, y, d) = Arrays(island);
        var start = new GaussianParameters(1.5, 15, 15, 3, 3, theta + 0.3);
        Assert.True(GaussianFitter.TryFit(x, y, d, start, FixedParameters.None, out var fit));
        Assert.Equal(truth.Peak, fit.Peak, 3);
        Assert.Equal(truth.X, fit.X, 3);
        Assert.Equal(truth.Y, fit.Y, 3);
        Assert.Equal(truth.SemiMajor, fit.SemiMajor, 3);
        Assert.Equal(truth.SemiMinor, fit.SemiMinor, 3);
        Assert.Equal(0, Math.Sin(fit.Theta - theta), 3); // θ only matters modulo π
    }

    [Fact]
    public void FixedShapeFitsOnlyPeakAndPosition()
    {
        var truth = new GaussianParameters(3.0, 10.4, 9.8, 3.0, 2.0, 0.5);
        var (x, y, d) = Arrays(Stamp(truth, 21, 0.0));
        var start = truth with { Peak = 1, X = 10, Y = 10 };
        Assert.True(GaussianFitter.TryFit(x, y, d, start, FixedParameters.Shape, out var fit));
        Assert.Equal(3.0, fit.Peak, 4);
        Assert.Equal(10.4, fit.X, 4);
        Assert.Equal(3.0, fit.SemiMajor);
        Assert.Equal(0.5, fit.Theta);
    }

    [Fact]
    public void MomentsWithTruncationCorrectionApproximateTheShape()
    {
        var beam = new BeamShape(3, 3, 0);
        var truth = new GaussianParameters(10, 20.2, 19.7, 5.0, 3.0, 0.6);
        var island = Stamp(truth, 41, 3.0);
        Assert.True(Moments.TryMeasure(island, beam, island.Threshold, out var m, out _));
        Assert.InRange(m.X - truth.X, -0.1, 0.1); // the cut-off edge is pixelated
        Assert.InRange(m.Y - truth.Y, -0.1, 0.1);
        Assert.InRange(m.SemiMajor / truth.SemiMajor, 0.93, 1.07);
        Assert.InRange(m.SemiMinor / truth.SemiMinor, 0.93, 1.07);
        Assert.Equal(0, Math.Sin(m.Theta - truth.Theta), 1);
        // Without the correction the truncated island would look much smaller.
        Assert.True(Moments.TryMeasure(island, beam, 0, out var raw, out _));
        Assert.True(raw.SemiMajor < 0.8 * truth.SemiMajor);
    }

    [Fact]
    public void MomentsAngleOfAnXElongatedIsland()
    {
        var beam = new BeamShape(2, 2, 0);
        var island = Stamp(new GaussianParameters(10, 20, 20, 5, 2, Math.PI / 2), 41, 1);
        Assert.True(Moments.TryMeasure(island, beam, 1, out var m, out _));
        Assert.Equal(1, Math.Abs(Math.Sin(m.Theta)), 3);
    }

    [Fact]
    public void PointSourcePeakErrorEqualsTheNoise()
    {
        // For a beam-sized source the Condon ρ3² = 2(P/σ)², so σ_P = √2·P_c/ρ3 = σ·P_c/P.
        // All three ρ equal √2·P/σ; with θ = 0 the major axis lies along y.
        var beam = new BeamShape(3, 2, 0);
        var fit = new GaussianParameters(10, 0, 0, 3, 2, 0);
        var e = CondonErrors.ForFit(fit, 10, 1, beam);
        var rho = Math.Sqrt(2) * 10;
        Assert.Equal(10 - 0.1, e.Peak, 12);
        Assert.Equal(0.99, e.PeakErr, 12);
        Assert.Equal(2 * 3 / (Math.Sqrt(2 * Math.Log(2)) * rho), e.YErr, 12);
        Assert.Equal(2 * 2 / (Math.Sqrt(2 * Math.Log(2)) * rho), e.XErr, 12);
        Assert.Equal(Math.Sqrt(2) * 3 / rho, e.SemiMajorErr, 12);
        Assert.Equal(2 * 3 * 2 / ((9.0 - 4.0) * rho), e.ThetaErr, 12);
    }

    [Fact]
    public void MomentsErrorsAreInfiniteForNegativePeaks()
    {
        var e = CondonErrors.ForMoments(new GaussianParameters(-5, 0, 0, 2, 2, 0), -3, 1, 3, new BeamShape(2, 2, 0));
        Assert.True(double.IsPositiveInfinity(e.PeakErr));
        Assert.True(double.IsPositiveInfinity(e.XErr));
    }

    [Fact]
    public void FudgeFactorExceedsOneForSmallBeams()
    {
        var small = new BeamShape(1, 1, 0);
        var large = new BeamShape(20, 20, 0);
        Assert.True(small.FudgeMaxPix > large.FudgeMaxPix);
        Assert.InRange(large.FudgeMaxPix, 1.0, 1.001);
        // ∫∫ exp(ln2·(x²+y²)) over the unit pixel for unit axes = (∫ exp(ln2 x²) dx)² ≈ 1.06089² (scipy quad).
        Assert.Equal(1.1254946, small.FudgeMaxPix, 6);
        Assert.True(small.MaxPixVarianceFactor > 0);
    }
}
