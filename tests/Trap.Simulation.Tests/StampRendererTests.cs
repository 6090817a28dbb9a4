using Trap.Simulation.Rendering;

namespace Trap.Simulation.Tests;

public class StampRendererTests
{
    [Fact]
    public void IntegratedFluxIsPeakTimesBeamAreaAndPeakSitsAtTheCentre()
    {
        const int size = 64;
        var pixels = new float[size * size];
        var shape = GaussianShape.FromSemiAxes(3.0, 2.0, 0.4);
        StampRenderer.Add(pixels, size, size, 30.3, 28.6, 2.0, shape);

        // Σ pixels = P·(π·smaj·smin/ln2) for a well-sampled Gaussian.
        var beamArea = Math.PI * 3.0 * 2.0 / Math.Log(2);
        Assert.Equal(2.0 * beamArea, pixels.Sum(p => (double)p), 3);
        var brightest = Array.IndexOf(pixels, pixels.Max());
        Assert.Equal((30, 29), (brightest % size, brightest / size));
        Assert.Equal(2.0 * Math.Exp(-0.5 * shape.Mahalanobis2(30 - 30.3, 29 - 28.6)), pixels[29 * size + 30], 6);
    }

    [Fact]
    public void PartsOffTheImageAreSkippedAndTheStampIsLocal()
    {
        const int size = 64;
        var pixels = new float[size * size];
        StampRenderer.Add(pixels, size, size, -2.0, 10.0, 1.0, GaussianShape.FromSemiAxes(2, 2, 0));
        Assert.True(pixels[10 * size] > 0.0f);
        // Six sigma of a 2-px semi-axis Gaussian is ~10 px: nothing beyond.
        Assert.Equal(0.0f, pixels[10 * size + 12]);
        Assert.Equal(0.0f, pixels[30 * size]);
    }
}
