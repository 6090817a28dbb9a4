using Trap.Simulation.Randomness;
using Trap.Simulation.Rendering;

namespace Trap.Simulation.Tests;

public class NoiseFieldTests
{
    private const double Smaj = 3.0, Smin = 2.0, Theta = 0.5;

    [Theory]
    [InlineData(512, 512, 0.0)]
    [InlineData(512, 512, 0.5)]
    [InlineData(400, 300, 1.0)]
    public void RmsIsAsConfigured(int width, int height, double fraction)
    {
        var noise = Make(width, height, 0.02, fraction, seed: 3);
        var mean = noise.Average(p => (double)p);
        var rms = Math.Sqrt(noise.Average(p => ((double)p - mean) * ((double)p - mean)));
        Assert.InRange(rms / 0.02, 0.96, 1.04);
        Assert.InRange(mean / 0.02, -0.05, 0.05);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void AutocorrelationIsTheBeamShapeTimesTheCorrelatedFraction(double fraction)
    {
        const int size = 512;
        var noise = Make(size, size, 1.0, fraction, seed: 5);
        var variance = Autocorrelation(noise, size, 0, 0);
        foreach (var (dx, dy) in new[] { (1, 0), (0, 1), (1, 1), (-1, 1), (2, 0), (0, 3), (3, 2), (6, 0) })
        {
            // The beam's profile as TraP writes it (docs/science.md §4.1), semi-axes in pixels.
            var u = (Math.Cos(Theta) * dx + Math.Sin(Theta) * dy) / Smin;
            var v = (Math.Cos(Theta) * dy - Math.Sin(Theta) * dx) / Smaj;
            var expected = fraction * Math.Exp(-Math.Log(2) * (u * u + v * v));
            Assert.InRange(Autocorrelation(noise, size, dx, dy) / variance, expected - 0.03, expected + 0.03);
        }
    }

    [Fact]
    public void WhiteNoiseHasNoCorrelation()
    {
        const int size = 256;
        var noise = Make(size, size, 1.0, 0.0, seed: 9);
        var variance = Autocorrelation(noise, size, 0, 0);
        Assert.InRange(Autocorrelation(noise, size, 1, 0) / variance, -0.02, 0.02);
        Assert.InRange(Autocorrelation(noise, size, 0, 1) / variance, -0.02, 0.02);
    }

    [Fact]
    public void SameStreamGivesSameNoiseAndZeroRmsGivesNone()
    {
        Assert.Equal(Make(128, 128, 1.0, 0.5, seed: 1), Make(128, 128, 1.0, 0.5, seed: 1));
        Assert.NotEqual(Make(128, 128, 1.0, 0.5, seed: 1), Make(128, 128, 1.0, 0.5, seed: 2));
        Assert.All(Make(64, 64, 0.0, 0.5, seed: 1), p => Assert.Equal(0.0f, p));
    }

    private static float[] Make(int width, int height, double rms, double fraction, long seed) =>
        new NoiseField().Generate(width, height, rms, fraction, GaussianShape.FromSemiAxes(Smaj, Smin, Theta),
            RandomStreams.For(seed, StreamPurpose.ImageNoise, 0));

    private static double Autocorrelation(float[] data, int size, int dx, int dy)
    {
        double sum = 0;
        long n = 0;
        for (var y = Math.Max(0, -dy); y < size - Math.Max(0, dy); y++)
        {
            for (var x = Math.Max(0, -dx); x < size - Math.Max(0, dx); x++)
            {
                sum += (double)data[y * size + x] * data[(y + dy) * size + x + dx];
                n++;
            }
        }
        return sum / n;
    }
}
