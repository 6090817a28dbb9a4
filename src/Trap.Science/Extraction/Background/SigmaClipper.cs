using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace Trap.Science.Extraction.Background;

/// <summary>Outcome of kappa-sigma clipping: the kept sample is sorted[Start..Start+Count).</summary>
/// <param name="Sigma">Bias-corrected standard deviation of the kept sample.</param>
/// <param name="Median">Median of the kept sample (the clipping centre).</param>
/// <param name="Mean">Mean of the kept sample.</param>
public readonly record struct ClipResult(int Start, int Count, double Sigma, double Median, double Mean, int Iterations);

/// <summary>
/// Kappa-sigma clipping with TraP's bias correction (docs/science.md §4.4). Each pass clips about the
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
    /// kept sample is a contiguous range of the sorted values, nested in the previous one; the sums
    /// are updated by subtracting only the values that each pass removes.
    /// </summary>
    public static ClipResult Clip(ReadOnlySpan<float> sorted, double kappa = DefaultKappa)
    {
        var n = sorted.Length;
        if (n == 0) return new ClipResult(0, 0, 0, double.NaN, double.NaN, 0);
        // Sums of values shifted by the overall median keep the variance free of cancellation.
        var shift = MedianOf(sorted, 0, n);
        var (s1, s2) = ShiftedSums(sorted, shift);

        int lo = 0, hi = n;
        var previousLimit = 0.0;
        for (var iteration = 0; ; iteration++)
        {
            var count = hi - lo;
            var median = MedianOf(sorted, lo, hi);
            var mean = s1 / count;
            var s = Math.Sqrt(Math.Max(0, s2 / count - mean * mean));
            var sigma = iteration == 0 ? s : UntruncatedSigma(s, previousLimit);
            var result = new ClipResult(lo, count, sigma, median, mean + shift, iteration + 1);
            if (iteration + 1 >= MaxIterations || sigma == 0) return result;

            var limit = kappa * sigma;
            var newLo = lo;
            var newHi = hi;
            while (newLo < newHi && Math.Abs(sorted[newLo] - median) > limit) newLo++;
            while (newHi > newLo && Math.Abs(sorted[newHi - 1] - median) > limit) newHi--;
            if ((newLo == lo && newHi == hi) || newHi == newLo) return result;
            for (var i = lo; i < newLo; i++) Remove(sorted[i]);
            for (var i = newHi; i < hi; i++) Remove(sorted[i]);
            lo = newLo;
            hi = newHi;
            previousLimit = limit;
        }

        void Remove(float v)
        {
            var d = v - shift;
            s1 -= d;
            s2 -= d * d;
        }
    }

    /// <summary>Σ(v − shift) and Σ(v − shift)², in double, vectorised.</summary>
    private static (double Sum, double SumOfSquares) ShiftedSums(ReadOnlySpan<float> values, double shift)
    {
        double s1 = 0, s2 = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vShift = new Vector<double>(shift);
            Vector<double> a1 = Vector<double>.Zero, a2 = Vector<double>.Zero;
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(values[i..]), out var low, out var high);
                low -= vShift;
                high -= vShift;
                a1 += low + high;
                a2 += low * low + high * high;
            }
            s1 = Vector.Sum(a1);
            s2 = Vector.Sum(a2);
        }
        for (; i < values.Length; i++)
        {
            var d = values[i] - shift;
            s1 += d;
            s2 += d * d;
        }
        return (s1, s2);
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

}
