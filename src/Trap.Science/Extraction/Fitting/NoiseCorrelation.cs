using Trap.Science.Extraction.Background;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// The image noise's normalised autocorrelation c(dx, dy) (c(0, 0) = 1) at pixel lags up to
/// <see cref="Reach"/>, and the noise's standard deviation in units of the RMS map
/// (<see cref="NoiseScale"/>), measured on the background-subtracted image divided by the RMS map
/// (docs/science.md, "Calibrated errors"). Pixels within Reach of a pixel above
/// <see cref="SourceSigma"/>·RMS take no part; fainter sources, which only add positive values, are
/// kept out of the spread by measuring it on the lower side: σ = median − 15.87th percentile. Then
/// c = (σ²₊ − σ²₋)/(σ²₊ + σ²₋) with σ₊, σ₋ those of the sums and differences of pixel pairs at the
/// lag. Pixels are sampled on a grid of at most ~<see cref="MaxSamples"/>.
/// </summary>
public sealed class NoiseCorrelation
{
    public const double SourceSigma = 5;
    public const int MaxSamples = 40_000;

    private readonly double[] _lags;

    private NoiseCorrelation(int reach, double[] lags, double noiseScale)
    {
        Reach = reach;
        _lags = lags;
        NoiseScale = noiseScale;
    }

    /// <summary>Largest lag (pixels, both axes) with a measured value; beyond it c = 0.</summary>
    public int Reach { get; }

    /// <summary>Standard deviation of the noise in units of the RMS map (1 where the map is right; above 1 … below 1 in crowded fields, whose sources the map's cells contain).</summary>
    public double NoiseScale { get; }

    /// <summary>c at every lag, row by row over (2·Reach + 1)² lags (dy, then dx, from −Reach).</summary>
    public IReadOnlyList<double> Lags => _lags;

    /// <summary>A correlation measured before (e.g. kept by blind extraction for the forced fits of the same image).</summary>
    public static NoiseCorrelation Of(int reach, double[] lags, double noiseScale) =>
        lags.Length == (2 * reach + 1) * (2 * reach + 1) ? new(reach, lags, noiseScale) : throw new ArgumentException($"{lags.Length} lags for reach {reach}");

    /// <summary>White noise of the RMS map's level: c = 0 at every lag but zero.</summary>
    public static NoiseCorrelation White { get; } = new(0, new[] { 1.0 }, 1.0);

    public double At(int dx, int dy) =>
        Math.Abs(dx) > Reach || Math.Abs(dy) > Reach ? 0 : _lags[(dy + Reach) * (2 * Reach + 1) + dx + Reach];

    /// <summary>Measures c out to three beam semi-major axes, where a beam-shaped correlation has fallen below 0.2 %.</summary>
    public static NoiseCorrelation Measure(ReadOnlySpan<float> pixels, BackgroundMaps maps, BeamShape beam)
    {
        var reach = (int)Math.Ceiling(3 * beam.SemiMajor);
        var z = Normalised(pixels, maps, reach);
        int width = maps.Width, height = maps.Height, side = 2 * reach + 1;
        var step = Math.Max(1, (int)Math.Sqrt((double)width * height / MaxSamples));
        var samples = new List<int>();
        for (var y = 0; y < height; y += step)
        {
            for (var x = 0; x < width; x += step)
            {
                if (!double.IsNaN(z[y * width + x])) samples.Add(y * width + x);
            }
        }
        if (samples.Count < 100) return White;
        var scale = RobustSigma(samples.Select(i => z[i]).ToArray());
        if (!(scale > 0)) return White;

        var lags = new double[side * side];
        var sums = new double[samples.Count];
        var differences = new double[samples.Count];
        for (var dy = 0; dy <= reach; dy++)
        {
            for (var dx = -reach; dx <= reach; dx++)
            {
                if (dy == 0 && dx <= 0) continue;
                var n = 0;
                foreach (var i in samples)
                {
                    int x = i % width + dx, y = i / width + dy;
                    if (x < 0 || x >= width || y >= height) continue;
                    var b = z[y * width + x];
                    if (double.IsNaN(b)) continue;
                    sums[n] = z[i] + b;
                    differences[n++] = z[i] - b;
                }
                var c = 0.0;
                if (n >= 100)
                {
                    var plus = Math.Pow(RobustSigma(sums.AsSpan(0, n).ToArray()), 2);
                    var minus = Math.Pow(RobustSigma(differences.AsSpan(0, n).ToArray()), 2);
                    c = plus + minus > 0 ? (plus - minus) / (plus + minus) : 0;
                }
                lags[(dy + reach) * side + dx + reach] = c;
                lags[(reach - dy) * side + reach - dx] = c;
            }
        }
        lags[reach * side + reach] = 1;
        return new NoiseCorrelation(reach, lags, scale);
    }

    /// <summary>(pixel − background)/RMS, NaN where masked or within <paramref name="guard"/> px of a source pixel.</summary>
    private static double[] Normalised(ReadOnlySpan<float> pixels, BackgroundMaps maps, int guard)
    {
        int width = maps.Width, height = maps.Height;
        var z = new double[pixels.Length];
        var loud = new bool[pixels.Length];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = maps.IsMasked(i) ? double.NaN : (pixels[i] - maps.Background[i]) / maps.Rms[i];
            loud[i] = z[i] > SourceSigma;
        }
        var near = Dilate(Dilate(loud, width, height, guard, 1, width), height, width, guard, width, 1);
        for (var i = 0; i < z.Length; i++)
        {
            if (near[i]) z[i] = double.NaN;
        }
        return z;
    }

    /// <summary>Median minus the 15.87th percentile (1σ of a Gaussian), blind to an excess of high values (reorders <paramref name="values"/>).</summary>
    private static double RobustSigma(double[] values)
    {
        var median = Select(values, values.Length / 2);
        return median - Select(values, (int)(0.158655 * values.Length));
    }

    /// <summary>The k-th smallest value (Hoare's selection; reorders the array).</summary>
    private static double Select(double[] a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var pivot = a[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i > j) break;
                (a[i], a[j]) = (a[j], a[i]);
                i++;
                j--;
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    /// <summary>One-dimensional dilation by <paramref name="radius"/> along lines of <paramref name="length"/> elements (stride <paramref name="step"/>, lines <paramref name="lineStride"/> apart).</summary>
    private static bool[] Dilate(bool[] set, int length, int lines, int radius, int step, int lineStride)
    {
        var result = new bool[set.Length];
        for (var line = 0; line < lines; line++)
        {
            var start = line * lineStride;
            var lastSet = int.MinValue / 2;
            for (var k = 0; k < length; k++)
            {
                if (set[start + k * step]) lastSet = k;
                if (k - lastSet <= radius) result[start + k * step] = true;
            }
            lastSet = int.MaxValue / 2;
            for (var k = length - 1; k >= 0; k--)
            {
                if (set[start + k * step]) lastSet = k;
                if (lastSet - k <= radius) result[start + k * step] = true;
            }
        }
        return result;
    }
}
