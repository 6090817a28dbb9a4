using Trap.Images;
using Trap.Simulation.Rendering;

namespace Trap.Simulation.Tests;

public class GaussianShapeTests
{
    [Theory]
    [InlineData(3.0, 2.0, 0.0)]
    [InlineData(3.0, 2.0, 0.5235987755982988)]
    [InlineData(5.0, 1.2, 2.5)]
    public void SemiAxesRoundTrip(double smaj, double smin, double theta)
    {
        var back = GaussianShape.FromSemiAxes(smaj, smin, theta).ToSemiAxes();
        Assert.Equal(smaj, back.SemiMajorPx, 12);
        Assert.Equal(smin, back.SemiMinorPx, 12);
        Assert.Equal(theta, back.PositionAngleRad, 12);
    }

    [Fact]
    public void ProfileIsTrapsGaussian()
    {
        // docs/science.md §4.1: G = exp(−ln2·[((cosθ·dx + sinθ·dy)/smin)² + ((cosθ·dy − sinθ·dx)/smaj)²]).
        const double smaj = 3.0, smin = 1.5, theta = 0.7;
        var shape = GaussianShape.FromSemiAxes(smaj, smin, theta);
        foreach (var (dx, dy) in new[] { (1.0, 0.0), (0.0, 2.0), (-1.5, 2.5), (3.0, -1.0) })
        {
            var u = (Math.Cos(theta) * dx + Math.Sin(theta) * dy) / smin;
            var v = (Math.Cos(theta) * dy - Math.Sin(theta) * dx) / smaj;
            var expected = Math.Exp(-Math.Log(2) * (u * u + v * v));
            Assert.Equal(expected, Math.Exp(-0.5 * shape.Mahalanobis2(dx, dy)), 12);
        }
    }

    [Fact]
    public void MajorAxisPointsNorthThroughEastByThePositionAngle()
    {
        // PA 90°: the major axis lies east-west, i.e. along x; half maximum at smaj along x.
        var shape = GaussianShape.FromSemiAxes(4.0, 2.0, Math.PI / 2);
        Assert.Equal(0.5, Math.Exp(-0.5 * shape.Mahalanobis2(4.0, 0.0)), 12);
        Assert.Equal(0.5, Math.Exp(-0.5 * shape.Mahalanobis2(0.0, 2.0)), 12);
    }

    [Fact]
    public void ConvolvingCircularGaussiansAddsWidthsInQuadrature()
    {
        var sum = GaussianShape.FromSemiAxes(3, 3, 0).Convolve(GaussianShape.FromSemiAxes(4, 4, 0)).ToSemiAxes();
        Assert.Equal(5.0, sum.SemiMajorPx, 12);
        Assert.Equal(5.0, sum.SemiMinorPx, 12);
    }

    [Fact]
    public void BeamInPixelsFollowsTheHeaderBeam()
    {
        var beam = new RestoringBeam(60.0 / 3600, 45.0 / 3600, 30.0);
        var axes = GaussianShape.FromBeam(beam, 15.0 / 3600).ToSemiAxes();
        Assert.Equal(2.0, axes.SemiMajorPx, 12);
        Assert.Equal(1.5, axes.SemiMinorPx, 12);
        Assert.Equal(30.0 * Math.PI / 180, axes.PositionAngleRad, 12);
    }
}
