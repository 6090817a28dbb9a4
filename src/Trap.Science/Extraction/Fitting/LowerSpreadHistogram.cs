using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Fixed-bin histograms of values in units of the RMS map, and the lower-side spreads read from them:
/// σ = median − 15.87th percentile, or 15.87th − 2.28th percentile (each 1σ of a Gaussian; an excess of
/// high values from faint sources moves the first a little, the second hardly). Counting is one increment per value, where selecting the two order statistics
/// cost a pass over an array of doubles each (docs/science.md, "Calibrated errors"). Bins are
/// <see cref="BinWidth"/> wide over [−<see cref="Range"/>, <see cref="Range"/>); values outside fall
/// into the end bins. Percentiles are interpolated linearly within their bin: for a Gaussian of σ ≥ 0.2
/// that is within 0.2 % of σ, far below the statistical error of the measurement.
/// </summary>
internal static class LowerSpreadHistogram
{
    public const int Bins = 512;
    public const float Range = 8;
    public const float BinWidth = 2 * Range / Bins;

    private const float BinsPerUnit = Bins / (2 * Range);
    private const double LowerFraction = 0.158655;
    private const double TailFraction = 0.0227501;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bin(float value) => Math.Clamp((int)((value + Range) * BinsPerUnit), 0, Bins - 1);

    /// <summary><see cref="Bin"/> of each lane, the same bins: clamping before the truncation to an integer
    /// gives what clamping after it gives. The values must not be NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> BinsOf(Vector256<float> values)
    {
        var position = (values + Vector256.Create(Range)) * Vector256.Create(BinsPerUnit);
        return Vector256.ConvertToInt32(Vector256.Min(Vector256.Max(position, Vector256<float>.Zero), Vector256.Create((float)(Bins - 1))));
    }

    /// <summary>Median − 15.87th percentile of the counted values; NaN when a percentile falls in an end bin (values beyond the range: the spread cannot be read).</summary>
    public static double LowerSpread(ReadOnlySpan<int> counts, int total)
    {
        var median = Percentile(counts, 0.5 * total);
        var lower = Percentile(counts, LowerFraction * total);
        return median - lower;
    }

    /// <summary>
    /// 15.87th − 2.28th percentile (1σ of a Gaussian, between −2σ and −1σ); NaN as <see cref="LowerSpread"/>. Faint
    /// sources lift values across the median, which widens median − 15.87th percentile, but hardly move the
    /// lower tail: the noise scale of crowded fields (docs/science.md, "Position errors in crowded fields").
    /// </summary>
    public static double TailSpread(ReadOnlySpan<int> counts, int total) =>
        Percentile(counts, LowerFraction * total) - Percentile(counts, TailFraction * total);

    /// <summary>The value below which <paramref name="rank"/> of the counted values lie.</summary>
    private static double Percentile(ReadOnlySpan<int> counts, double rank)
    {
        var below = 0L;
        for (var b = 0; b < counts.Length; b++)
        {
            var count = counts[b];
            if (below + count >= rank && count > 0)
            {
                if (b == 0 || b == counts.Length - 1) return double.NaN;
                return -Range + (b + (rank - below) / count) * BinWidth;
            }
            below += count;
        }
        return double.NaN;
    }
}
