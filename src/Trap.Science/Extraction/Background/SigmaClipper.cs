using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace Trap.Science.Extraction.Background;

/// <summary>Outcome of kappa-sigma clipping: the kept sample is sorted[Start..Start+Count).</summary>
/// <param name="Sigma">Bias-corrected standard deviation of the kept sample.</param>
/// <param name="Median">Median of the kept sample (the clipping centre).</param>
/// <param name="Mean">Mean of the kept sample.</param>
public readonly record struct ClipResult(int Start, int Count, double Sigma, double Median, double Mean, int Iterations);

/// <summary>
/// Kappa-sigma clipping with TraP's bias correction (trap-facts §4.4). Each pass clips about the
/// median at ±κσ; after the first pass σ is not the sample's standard deviation but the σ of the
/// Gaussian whose truncation at the previous limit has that standard deviation.
/// </summary>
public static class SigmaClipper
{
    /// <summary>TraP's clipping factor for background cells.</summary>
    public const double DefaultKappa = 2.0;

    public const int MaxIterations = 100;

    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);

    /// <summary>
    /// Clips an ascending-sorted sample. Because the centre is the median and the cut symmetric, every
    /// kept sample is a contiguous range of the sorted values; sums come from prefix sums, so a pass is
    /// O(log n). <paramref name="prefix"/> needs 2·(n+1) doubles of scratch.
    /// </summary>
    public static ClipResult Clip(ReadOnlySpan<float> sorted, Span<double> prefix, double kappa = DefaultKappa)
    {
        var n = sorted.Length;
        if (n == 0) return new ClipResult(0, 0, 0, double.NaN, double.NaN, 0);
        // Prefix sums of values shifted by the overall median keep the variance free of cancellation.
        var shift = MedianOf(sorted, 0, n);
        var s1 = prefix[..(n + 1)];
        var s2 = prefix.Slice(n + 1, n + 1);
        s1[0] = 0;
        s2[0] = 0;
        for (var i = 0; i < n; i++)
        {
            var d = sorted[i] - shift;
            s1[i + 1] = s1[i] + d;
            s2[i + 1] = s2[i] + d * d;
        }

        int lo = 0, hi = n;
        var previousLimit = 0.0;
        for (var iteration = 0; ; iteration++)
        {
            var count = hi - lo;
            var median = MedianOf(sorted, lo, hi);
            var mean = (s1[hi] - s1[lo]) / count;
            var variance = Math.Max(0, (s2[hi] - s2[lo]) / count - mean * mean);
            var s = Math.Sqrt(variance);
            var sigma = iteration == 0 ? s : UntruncatedSigma(s, previousLimit);
            var result = new ClipResult(lo, count, sigma, median, mean + shift, iteration + 1);
            if (iteration + 1 >= MaxIterations || sigma == 0) return result;

            var limit = kappa * sigma;
            var newLo = LowerBound(sorted, lo, hi, (float)(median - limit), inclusive: true);
            var newHi = LowerBound(sorted, lo, hi, (float)(median + limit), inclusive: false);
            // Float rounding of the limits must not drop values exactly on them: re-check in double.
            while (newLo > lo && Math.Abs(sorted[newLo - 1] - median) <= limit) newLo--;
            while (newHi < hi && Math.Abs(sorted[newHi] - median) <= limit) newHi++;
            while (newLo < newHi && Math.Abs(sorted[newLo] - median) > limit) newLo++;
            while (newHi > newLo && Math.Abs(sorted[newHi - 1] - median) > limit) newHi--;
            if ((newLo == lo && newHi == hi) || newHi == newLo) return result;
            lo = newLo;
            hi = newHi;
            previousLimit = limit;
        }
    }

    /// <summary>
    /// σ of the Gaussian that, truncated at ±<paramref name="limit"/>, has standard deviation <paramref name="s"/>:
    /// the root of σ²·[√(2π)·erf(L/(σ√2)) − 2√2·(L/(σ√2))·exp(−L²/(2σ²))] − s²·√(2π)·erf(L/(σ√2)) = 0.
    /// When no root exists (s² ≥ L²/3, flatter than any truncated Gaussian) s is returned unchanged.
    /// </summary>
    public static double UntruncatedSigma(double s, double limit)
    {
        if (s <= 0 || limit <= 0) return s;
        // Divided by √(2π)·erf(...) the equation reads σ²·h(L/σ) − s² = 0 with h increasing towards L²/3σ².
        double F(double sigma)
        {
            var t = limit / sigma;
            var erf = SpecialFunctions.Erf(t / Math.Sqrt(2));
            return sigma * sigma * (1 - 2 * t * Math.Exp(-t * t / 2) / (Sqrt2Pi * erf)) - s * s;
        }
        if (3 * s * s >= limit * limit) return s;
        var upper = 2 * s;
        for (var i = 0; i < 60 && F(upper) < 0; i++) upper *= 2;
        return Brent.TryFindRoot(F, s, upper, 1e-12 * s, 100, out var root) ? root : s;
    }

    /// <summary>Median of sorted[lo..hi) (mean of the two middle values for an even count, as numpy).</summary>
    public static double MedianOf(ReadOnlySpan<float> sorted, int lo, int hi)
    {
        var count = hi - lo;
        var mid = lo + count / 2;
        return count % 2 == 1 ? sorted[mid] : 0.5 * ((double)sorted[mid - 1] + sorted[mid]);
    }

    /// <summary>First index in [lo, hi) whose value is ≥ (inclusive) or &gt; (exclusive) the bound.</summary>
    private static int LowerBound(ReadOnlySpan<float> sorted, int lo, int hi, float bound, bool inclusive)
    {
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var before = inclusive ? sorted[mid] < bound : sorted[mid] <= bound;
            if (before) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
