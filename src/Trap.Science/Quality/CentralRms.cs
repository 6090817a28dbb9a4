using Trap.Formats.Buffers;
using Trap.Science.Extraction.Background;

namespace Trap.Science.Quality;

/// <summary>
/// TraP's QC noise estimate rms_qc (docs/science.md §3.2): the RMS about the median of an iteratively
/// σ-clipped central box of the image. NaN pixels are left out (Trap extension: TraP's images have none).
/// </summary>
public static class CentralRms
{
    /// <summary>
    /// rms_qc of a row-major width × height image: box rows/columns N//2 − N//f … N//2 + N//f (end
    /// exclusive), clip |x − median| ≤ sigma·std (population std) until nothing changes, then
    /// sqrt(mean((x − median)²)). Returns NaN when the box holds no finite pixel.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> pixels, int width, int height, double sigma, int fraction)
    {
        if (pixels.Length != (long)width * height)
            throw new ArgumentException($"{pixels.Length} pixels for a {width}x{height} image.", nameof(pixels));
        var (x0, x1) = (width / 2 - width / fraction, width / 2 + width / fraction);
        var (y0, y1) = (height / 2 - height / fraction, height / 2 + height / fraction);
        // Scratch for one image, handed back at the end (exact lengths: the next image of this size reuses them).
        var floats = ExactLengthArrayPool<float>.Shared;
        var uints = ExactLengthArrayPool<uint>.Shared;
        var boxLength = (x1 - x0) * (y1 - y0);
        var box = floats.Rent(boxLength);
        var keys = uints.Rent(boxLength);
        var other = uints.Rent(boxLength);
        try
        {
            var sample = box.AsSpan(0, CentralBox(pixels, width, x0, x1, y0, y1, box));
            if (sample.Length == 0) return double.NaN;
            // Sorted once, every clipping pass keeps a contiguous range: the median is its middle, the
            // std comes from prefix sums and the new range from two binary searches, so a pass costs
            // O(log n) instead of a selection and two sweeps over the sample.
            FloatRadixSort.Sort(sample, keys, other);
            var (lo, hi) = Clip(box, sample.Length, sigma);
            return RmsAboutMedian(sample.Slice(lo, hi - lo));
        }
        finally
        {
            floats.Return(box);
            uints.Return(keys);
            uints.Return(other);
        }
    }

    /// <summary>Copies the finite pixels of the central box (float32 values, exact in TraP's float64) to the front of <paramref name="box"/>; returns their count.</summary>
    private static int CentralBox(ReadOnlySpan<float> pixels, int width, int x0, int x1, int y0, int y1, float[] box)
    {
        var n = 0;
        for (var y = y0; y < y1; y++)
        {
            foreach (var v in pixels.Slice(y * width + x0, x1 - x0))
            {
                if (float.IsFinite(v)) box[n++] = v;
            }
        }
        return n;
    }

    /// <summary>
    /// Iterative clipping about the median of a sorted sample (the first <paramref name="n"/> values): keeps |x − median| ≤ sigma·std
    /// (population std) until a pass removes nothing or would remove everything; returns the kept range.
    /// </summary>
    private static (int Lo, int Hi) Clip(float[] sorted, int n, double sigma)
    {
        double shift = sorted[n / 2];
        var doubles = ExactLengthArrayPool<double>.Shared;
        var sum = doubles.Rent(n + 1);
        var sumSq = doubles.Rent(n + 1);
        try
        {
            sum[0] = sumSq[0] = 0;
            for (var i = 0; i < n; i++)
            {
                var d = sorted[i] - shift;
                sum[i + 1] = sum[i] + d;
                sumSq[i + 1] = sumSq[i] + d * d;
            }
            var (lo, hi) = (0, n);
            while (true)
            {
                var count = hi - lo;
                var median = Median(sorted, lo, hi);
                var mean = (sum[hi] - sum[lo]) / count;
                var std = Math.Sqrt(Math.Max(0, (sumSq[hi] - sumSq[lo]) / count - mean * mean));
                var limit = sigma * std;
                bool Kept(int i) => Math.Abs(sorted[i] - median) <= limit;
                var newLo = FirstTrue(lo, hi, i => Kept(i) || sorted[i] > median);
                var newHi = FirstTrue(newLo, hi, i => !Kept(i) && sorted[i] > median);
                var kept = newHi - newLo;
                if (kept == count || kept == 0) return (lo, hi);
                (lo, hi) = (newLo, newHi);
            }
        }
        finally
        {
            doubles.Return(sum);
            doubles.Return(sumSq);
        }
    }

    /// <summary>The first index in [lo, hi) where a predicate that is false, then true, turns true (hi if never).</summary>
    private static int FirstTrue(int lo, int hi, Func<int, bool> predicate)
    {
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (predicate(mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>Median of sorted[lo..hi) (mean of the two middle values for even counts, as numpy).</summary>
    private static double Median(float[] sorted, int lo, int hi)
    {
        var count = hi - lo;
        var mid = lo + count / 2;
        return count % 2 == 1 ? sorted[mid] : 0.5 * ((double)sorted[mid - 1] + sorted[mid]);
    }

    private static double RmsAboutMedian(ReadOnlySpan<float> sorted)
    {
        var median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : 0.5 * ((double)sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
        var sum = 0.0;
        foreach (var v in sorted) sum += (v - median) * (v - median);
        return Math.Sqrt(sum / sorted.Length);
    }
}
