using Trap.Science.Quality;

namespace Trap.Science.Tests.Quality;

public class CentralRmsTests
{
    [Theory]
    [InlineData(200, 200)]
    [InlineData(599, 599)]
    [InlineData(200, 599)]
    public void BoxIsHalfNMinusNOverFToHalfNPlusNOverFExclusive(int edgeX, int edgeY)
    {
        // 800 x 800 with f = 4: the box is [200, 600) on both axes (docs/science.md §14.2). Ones inside and
        // large values outside, no clipping: a box one pixel too big sees the large values.
        const int n = 800;
        var pixels = new float[n * n];
        for (var y = 0; y < n; y++)
        for (var x = 0; x < n; x++)
            pixels[y * n + x] = x is >= 200 and < 600 && y is >= 200 and < 600 ? 1f : 1000f;
        Assert.Equal(0.0, CentralRms.Compute(pixels, n, n, sigma: 1e9, fraction: 4));
        // A box one pixel too small misses a changed pixel on its edge.
        pixels[edgeY * n + edgeX] = 3f;
        Assert.True(CentralRms.Compute(pixels, n, n, sigma: 1e9, fraction: 4) > 0);
    }

    [Fact]
    public void ConstantImageHasZeroRms()
    {
        var pixels = Enumerable.Repeat(7.5f, 64 * 64).ToArray();
        Assert.Equal(0.0, CentralRms.Compute(pixels, 64, 64, 4, 8));
    }

    [Fact]
    public void ClippingRemovesTheSingleOutlier()
    {
        // 50 x 50 tens and one 20 (docs/science.md §14.2); f = 2 makes the box the whole image.
        var pixels = Enumerable.Repeat(10f, 50 * 50).ToArray();
        pixels[1234] = 20f;
        Assert.Equal(0.0, CentralRms.Compute(pixels, 50, 50, sigma: 4, fraction: 2));
        // Without effective clipping the outlier contributes sqrt(100 / 2500) = 0.2.
        Assert.Equal(0.2, CentralRms.Compute(pixels, 50, 50, sigma: 1e6, fraction: 2), 10);
    }

    [Fact]
    public void GaussianNoiseWithBrightOutliersGivesTheNoiseSigma()
    {
        const int n = 512;
        var pixels = QualityTestImages.Noise(n * n, sigma: 0.01, seed: 7);
        for (var i = 0; i < pixels.Length; i += 97) pixels[i] = 5f; // 1 % "sources"
        var rms = CentralRms.Compute(pixels, n, n, 4, 8);
        // 4σ clipping of a Gaussian keeps 99.99 % of it, so the RMS is σ within sampling error (~0.5 %).
        Assert.InRange(rms, 0.0098, 0.0101);
    }

    [Fact]
    public void NanPixelsAreLeftOutAndAnAllNanBoxGivesNan()
    {
        var pixels = QualityTestImages.Noise(128 * 128, 1.0, seed: 3);
        var withNan = (float[])pixels.Clone();
        for (var i = 0; i < withNan.Length; i += 3) withNan[i] = float.NaN;
        Assert.InRange(CentralRms.Compute(withNan, 128, 128, 4, 8), 0.9, 1.1);
        Assert.True(double.IsNaN(CentralRms.Compute(Enumerable.Repeat(float.NaN, 64).ToArray(), 8, 8, 4, 8)));
    }

    [Theory]
    [InlineData(1, 3.0)]
    [InlineData(2, 4.0)]
    [InlineData(3, 2.0)]
    public void AgreesWithADirectIterativeClipping(int seed, double sigma)
    {
        const int n = 200;
        var pixels = QualityTestImages.Noise(n * n, sigma: 0.02, seed: seed);
        var random = new Random(seed);
        for (var i = 0; i < 400; i++) pixels[random.Next(pixels.Length)] = (float)(random.NextDouble() * 3);
        Assert.Equal(DirectRms(pixels, n, sigma, 4), CentralRms.Compute(pixels, n, n, sigma, 4), 9);
    }

    /// <summary>Test oracle: §3.2 written out literally (median and std recomputed over the kept values each pass).</summary>
    private static double DirectRms(float[] pixels, int n, double sigma, int fraction)
    {
        var (a, b) = (n / 2 - n / fraction, n / 2 + n / fraction);
        var sample = new List<double>();
        for (var y = a; y < b; y++)
        for (var x = a; x < b; x++) sample.Add(pixels[y * n + x]);
        static double Median(List<double> v)
        {
            var s = v.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
        }
        while (true)
        {
            var median = Median(sample);
            var mean = sample.Average();
            var std = Math.Sqrt(sample.Sum(v => (v - mean) * (v - mean)) / sample.Count);
            var kept = sample.Where(v => Math.Abs(v - median) <= sigma * std).ToList();
            if (kept.Count == sample.Count || kept.Count == 0) break;
            sample = kept;
        }
        var m = Median(sample);
        return Math.Sqrt(sample.Sum(v => (v - m) * (v - m)) / sample.Count);
    }
}
