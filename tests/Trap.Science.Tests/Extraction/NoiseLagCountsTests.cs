using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// The noise correlation's pair counts (docs/science.md, "Calibrated errors" and "Extraction
/// performance") against their definition counted pair by pair: every histogram, the pairs per lag, the
/// samples and the pixels must be exactly equal, so the vectorised counting changes no result. Widths that are no
/// multiple of the vector width, lags of more than one vector per row, blanked pixels and bright
/// sources near the edges exercise every special case.
/// </summary>
public class NoiseLagCountsTests
{
    [Theory]
    [InlineData(203, 150, 3, 2)]
    [InlineData(197, 161, 9, 3)]
    [InlineData(64, 40, 6, 1)]
    public void CountsEqualThePairByPairDefinition(int width, int height, int reach, int step)
    {
        var pixels = TestImages.Noise(width, height, 1, seed: width + reach);
        var random = new Random(reach);
        for (var k = 0; k < 12; k++)
        {
            TestImages.Add(pixels, width, new GaussianParameters(20, random.Next(0, width), random.Next(0, height), 1.5, 1.5, 0));
        }
        for (var y = 10; y < 30; y++) pixels.AsSpan(y * width + 5, 17).Fill(float.NaN);
        var mask = ExtractionMask.Build(pixels, width, height, margin: 2, radius: 0);
        using var maps = BackgroundMaps.Compute(pixels, mask, width, height, 32, 32);

        using var counts = NoiseLagCounts.Gather(pixels, maps, reach, step);
        var expected = PairByPair(pixels, maps, reach, step);

        Assert.Equal(expected.Samples, counts.Samples);
        Assert.Equal(expected.PixelCount, counts.PixelCount);
        Assert.Equal(expected.PixelValues, counts.PixelValues.ToArray());
        Assert.Equal(expected.Pairs, counts.Pairs);
        for (var lag = 0; lag < expected.Pairs.Length; lag++)
        {
            Assert.Equal(expected.Sums[lag], counts.Sums(lag).ToArray());
            Assert.Equal(expected.Differences[lag], counts.Differences(lag).ToArray());
        }
        Assert.True(expected.Pairs.Min() > 0, "every lag has pairs");
        Assert.Contains(true, expected.Loud); // the sources did leave pixels out
    }

    private sealed record Expected(int Samples, int PixelCount, int[] PixelValues, int[] Pairs, int[][] Sums, int[][] Differences, bool[] Loud);

    /// <summary>
    /// The definition: z = (pixel − background)/RMS; a pixel takes part when unmasked and no pixel within
    /// reach (both axes) has z above the source limit; every such pixel's z is counted; samples every step-th pixel of every step-th
    /// row; pairs (sample, sample + lag) with the partner inside the image and taking part.
    /// </summary>
    private static Expected PairByPair(float[] pixels, BackgroundMaps maps, int reach, int step)
    {
        int width = maps.Width, height = maps.Height;
        var z = new float[pixels.Length];
        var loud = new bool[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var value = (pixels[i] - maps.Background[i]) / maps.Rms[i];
            loud[i] = value > NoiseCorrelation.SourceSigma;
            z[i] = maps.IsMasked(i) ? float.NaN : value;
        }
        bool TakesPart(int x, int y)
        {
            if (x < 0 || y < 0 || x >= width || y >= height || float.IsNaN(z[y * width + x])) return false;
            for (var v = Math.Max(0, y - reach); v <= Math.Min(height - 1, y + reach); v++)
            {
                for (var u = Math.Max(0, x - reach); u <= Math.Min(width - 1, x + reach); u++)
                {
                    if (loud[v * width + u]) return false;
                }
            }
            return true;
        }

        var lags = NoiseLagCounts.LagOffsets(reach);
        var bins = LowerSpreadHistogram.Bins;
        var (samples, pixelCount, pixelValues, pairs) = (0, 0, new int[bins], new int[lags.Length]);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (!TakesPart(x, y)) continue;
                pixelCount++;
                pixelValues[LowerSpreadHistogram.Bin(z[y * width + x])]++;
            }
        }
        var sums = lags.Select(_ => new int[bins]).ToArray();
        var differences = lags.Select(_ => new int[bins]).ToArray();
        for (var y = 0; y < height; y += step)
        {
            for (var x = 0; x < width; x += step)
            {
                if (!TakesPart(x, y)) continue;
                var a = z[y * width + x];
                samples++;
                for (var lag = 0; lag < lags.Length; lag++)
                {
                    var (dx, dy) = lags[lag];
                    if (!TakesPart(x + dx, y + dy)) continue;
                    var b = z[(y + dy) * width + x + dx];
                    pairs[lag]++;
                    sums[lag][LowerSpreadHistogram.Bin(a + b)]++;
                    differences[lag][LowerSpreadHistogram.Bin(a - b)]++;
                }
            }
        }
        return new Expected(samples, pixelCount, pixelValues, pairs, sums, differences, loud);
    }
}
