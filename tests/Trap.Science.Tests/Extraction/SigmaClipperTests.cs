using MathNet.Numerics;
using Trap.Science.Extraction.Background;

namespace Trap.Science.Tests.Extraction;

public class SigmaClipperTests
{
    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(0.003, 1.5)]
    [InlineData(5.0, 3.0)]
    public void UntruncatedSigmaInvertsTheTruncatedGaussianVariance(double sigma, double limitInSigma)
    {
        // Variance of N(0, σ²) truncated at ±tσ: σ²·(1 − 2tφ(t)/erf(t/√2)).
        var t = limitInSigma;
        var phi = Math.Exp(-t * t / 2) / Math.Sqrt(2 * Math.PI);
        var s = sigma * Math.Sqrt(1 - 2 * t * phi / SpecialFunctions.Erf(t / Math.Sqrt(2)));
        Assert.True(s < sigma);
        Assert.Equal(sigma, SigmaClipper.UntruncatedSigma(s, t * sigma), 6);
    }

    [Fact]
    public void ClippingRecoversNoiseUnderBrightOutliers()
    {
        var values = TestImages.Noise(100, 100, 2.0, seed: 7, background: 10);
        for (var i = 0; i < 300; i++) values[i * 31] += 500; // 3 % bright "sources"
        Array.Sort(values);
        var clip = SigmaClipper.Clip(values);
        Assert.InRange(clip.Sigma, 1.95, 2.1);
        Assert.InRange(clip.Median, 9.9, 10.1);
        Assert.True(clip.Count < values.Length - 300, "the outliers were not all clipped");
        Assert.True(clip.Iterations > 1);
    }

    [Fact]
    public void ASingleOutlierAmongEqualValuesIsRemoved()
    {
        // docs/science.md §14.2: clipping a 50×50 array of 10s with one 20 removes the 20.
        var values = Enumerable.Repeat(10f, 2500).ToArray();
        values[1234] = 20;
        Array.Sort(values);
        var clip = SigmaClipper.Clip(values);
        Assert.Equal(2499, clip.Count);
        Assert.Equal(10.0, clip.Median);
        Assert.Equal(0.0, clip.Sigma);
    }

    [Fact]
    public void RadixSortMatchesArraySort()
    {
        var values = TestImages.Noise(2500, 1, 1e-3, seed: 3);
        values[5] = 0f;
        values[6] = -0f;
        values[7] = float.MaxValue;
        values[8] = float.MinValue;
        var expected = values.ToArray();
        Array.Sort(expected);
        FloatRadixSort.Sort(values, new uint[2500], new uint[2500]);
        Assert.Equal(expected, values);
    }

    /// <summary>
    /// Digits every value shares are skipped: 0, 1 and 2 of the three digit passes run. Many values
    /// that differ only in their low bits are too many for the insertion sort that finishes the
    /// fast path, so the full sort takes over.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(1 << 10)]
    [InlineData(1 << 11)]
    [InlineData(1 << 22)]
    public void RadixSortMatchesArraySortWhenDigitsAreShared(int ulps)
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 2500)
            .Select(_ => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(1f) + random.Next(ulps)))
            .ToArray();
        var expected = values.ToArray();
        Array.Sort(expected);
        FloatRadixSort.Sort(values, new uint[2500], new uint[2500]);
        Assert.Equal(expected, values);
    }

    /// <summary>A sample as large as quality control's central box: more values share their upper bits, all still in order.</summary>
    [Fact]
    public void RadixSortMatchesArraySortOnALargeSample()
    {
        var values = TestImages.Noise(200_000, 1, 1e-3, seed: 5);
        var expected = values.ToArray();
        Array.Sort(expected);
        FloatRadixSort.Sort(values, new uint[values.Length], new uint[values.Length]);
        Assert.Equal(expected, values);
    }
}
