using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// The measured noise correlation (docs/science.md, "Calibrated errors") on noise of known correlation.
/// About 16,000 samples give each lag a statistical error of ≈ 0.02, hence bounds of 0.06.
/// </summary>
public class NoiseCorrelationTests
{
    private const int Size = 512;
    private static readonly BeamShape Beam = new(1, 1, 0); // reach: 3 px

    /// <summary>n_i = (w_i + w_{i+1})/√2 along x for white w of σ 1: c(±1, 0) = ½, every other lag 0.</summary>
    private static float[] PairSummedNoise(int seed)
    {
        var white = TestImages.Noise(Size + 1, Size, 1, seed);
        var pixels = new float[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++) pixels[y * Size + x] = (white[y * (Size + 1) + x] + white[y * (Size + 1) + x + 1]) / MathF.Sqrt(2);
        }
        return pixels;
    }

    private static BackgroundMaps Maps(float[] pixels)
    {
        var mask = ExtractionMask.Build(pixels, Size, Size, margin: 0, radius: 0);
        return BackgroundMaps.Compute(pixels, mask, Size, Size, 64, 64);
    }

    private static void AssertPairSummed(NoiseCorrelation c, double scale)
    {
        Assert.Equal(3, c.Reach);
        Assert.Equal(1, c.At(0, 0));
        Assert.InRange(c.At(1, 0), 0.44, 0.56);
        Assert.Equal(c.At(1, 0), c.At(-1, 0));
        foreach (var (dx, dy) in new[] { (2, 0), (3, 0), (0, 1), (1, 1), (-1, 1), (0, 3), (-3, -2) })
        {
            Assert.True(Math.Abs(c.At(dx, dy)) < 0.06, $"c({dx}, {dy}) = {c.At(dx, dy):F3}");
        }
        Assert.Equal(0, c.At(4, 0)); // beyond reach
        Assert.InRange(c.NoiseScale, 0.95 * scale, 1.05 * scale);
    }

    [Fact]
    public void PairSummedNoiseIsHalfCorrelatedWithItsNeighbourAlongX()
    {
        var pixels = PairSummedNoise(seed: 5);
        using var maps = Maps(pixels);
        AssertPairSummed(NoiseCorrelation.Measure(pixels, maps, Beam), scale: 1);
    }

    [Fact]
    public void BrightSourcesMaskedPixelsAndTheRmsMapsLevelLeaveTheCorrelationAlone()
    {
        var pixels = PairSummedNoise(seed: 6);
        // 400 sources of peak 50σ: without leaving out their surroundings, their slopes would widen
        // the differences and pull c(1, 0) down.
        var random = new Random(7);
        for (var k = 0; k < 400; k++)
        {
            TestImages.Add(pixels, Size, new GaussianParameters(50, random.Next(10, Size - 10), random.Next(10, Size - 10), 2, 2, 0));
        }
        // A blanked block: masked, so neither samples nor partners.
        for (var y = 100; y < 160; y++) pixels.AsSpan(y * Size + 200, 80).Fill(float.NaN);
        using var maps = Maps(pixels);
        // An RMS map twice the noise: the scale says so, the correlation is unchanged.
        for (var i = 0; i < maps.Rms.Length; i++) maps.Rms[i] *= 2;
        var scaled = NoiseCorrelation.Measure(pixels, maps, Beam);
        AssertPairSummed(scaled, scale: 0.5);
    }

    /// <summary>
    /// Each lag of white noise scatters by 2.1/√pairs (≈ 0.02 here) about zero; the fit errors sum c over
    /// up to hundreds of lags, so the scatter is left out: a lag within three standard errors of zero is zero.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void WhiteNoiseIsMeasuredWhite(int seed)
    {
        var pixels = TestImages.Noise(Size, Size, 1, seed);
        using var maps = Maps(pixels);
        var c = NoiseCorrelation.Measure(pixels, maps, new BeamShape(2, 2, 0)); // reach 6: 168 lags
        var sum = 0.0;
        for (var dy = -c.Reach; dy <= c.Reach; dy++)
        {
            for (var dx = -c.Reach; dx <= c.Reach; dx++) sum += dx == 0 && dy == 0 ? 0 : Math.Abs(c.At(dx, dy));
        }
        Assert.True(sum < 0.2, $"Σ|c| over the lags {sum:F3}");
        Assert.InRange(c.NoiseScale, 0.95, 1.05);
    }

    [Fact]
    public void TooFewUsablePixelsGiveWhiteNoise()
    {
        var pixels = new float[Size * Size];
        Array.Fill(pixels, float.NaN);
        pixels.AsSpan(0, 20).Fill(1); // one short run: far fewer than 100 samples
        using var maps = Maps(pixels);
        Assert.Same(NoiseCorrelation.White, NoiseCorrelation.Measure(pixels, maps, Beam));
    }
}
