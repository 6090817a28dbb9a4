using Trap.Science.Extraction.Background;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// The image noise's normalised autocorrelation c(dx, dy) (c(0, 0) = 1) at pixel lags up to
/// <see cref="Reach"/>, and the noise's standard deviation in units of the RMS map
/// (<see cref="NoiseScale"/>), measured on the background-subtracted image divided by the RMS map
/// (docs/science.md, "Calibrated errors"). Pixels within Reach of a pixel above
/// <see cref="SourceSigma"/>·RMS take no part; fainter sources, which only add positive values, are
/// kept out of the spreads by measuring them on the lower side: the noise scale from the lower tail of
/// every such pixel, 15.87th − 2.28th percentile, and the pairs' spreads as σ = median − 15.87th percentile. Then
/// c = (σ²₊ − σ²₋)/(σ²₊ + σ²₋) with σ₊, σ₋ those of the sums and differences of pixel pairs at the
/// lag. Pixels are sampled on a grid of at most ~<see cref="MaxSamples"/>. A lag whose c is within
/// <see cref="Significance"/> standard errors of zero counts as uncorrelated: the fit errors sum c over
/// many lags, where the insignificant ones add up to a bias (docs/science.md, "Insignificant lags").
/// </summary>
public sealed class NoiseCorrelation
{
    public const double SourceSigma = 5;
    public const int MaxSamples = 16_000;

    /// <summary>Standard errors of c within which a lag counts as uncorrelated.</summary>
    public const double Significance = 3;

    /// <summary>
    /// c's standard error on uncorrelated noise is this over √pairs: median − 15.87th percentile has
    /// variance 2.2·σ²/n, for the sums and for the differences, so c ≈ (σ₊ − σ₋)/σ has √(2·2.2)/√n.
    /// </summary>
    private const double ErrorTimesRootPairs = 2.1;

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

    /// <summary><see cref="Lags"/> as a span, for the inner loops of the error propagation.</summary>
    internal ReadOnlySpan<double> LagValues => _lags;

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
        var step = Math.Max(1, (int)Math.Sqrt((double)maps.Width * maps.Height / MaxSamples));
        using var counts = NoiseLagCounts.Gather(pixels, maps, reach, step);
        if (counts.Samples < 100) return White;
        // The lower tail is read from every pixel that takes part: its percentiles scatter more than the median's.
        var scale = LowerSpreadHistogram.TailSpread(counts.PixelValues, counts.PixelCount);
        if (!(scale > 0)) return White;

        var side = 2 * reach + 1;
        var lags = new double[side * side];
        var offsets = NoiseLagCounts.LagOffsets(reach);
        for (var lag = 0; lag < offsets.Length; lag++)
        {
            var (dx, dy) = offsets[lag];
            var n = counts.Pairs[lag];
            var c = 0.0;
            if (n >= 100)
            {
                var plus = Math.Pow(LowerSpreadHistogram.LowerSpread(counts.Sums(lag), n), 2);
                var minus = Math.Pow(LowerSpreadHistogram.LowerSpread(counts.Differences(lag), n), 2);
                // NaN (a spread beyond the histogram's range) leaves the lag uncorrelated.
                c = plus + minus > 0 ? (plus - minus) / (plus + minus) : 0;
                if (Math.Abs(c) < Significance * ErrorTimesRootPairs / Math.Sqrt(n)) c = 0;
            }
            lags[(dy + reach) * side + dx + reach] = c;
            lags[(reach - dy) * side + reach - dx] = c;
        }
        lags[reach * side + reach] = 1;
        return new NoiseCorrelation(reach, lags, scale);
    }
}
