namespace Trap.Science.Quality;

/// <summary>
/// TraP's QC noise estimate rms_qc (trap-facts §3.2): the RMS about the median of an iteratively
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
        var sample = CentralBox(pixels, width, height, fraction);
        var n = ClipInPlace(sample, sigma);
        return n == 0 ? double.NaN : RmsAboutMedian(sample.AsSpan(0, n));
    }

    /// <summary>The finite pixels of the central box, as doubles (TraP works in float64).</summary>
    internal static double[] CentralBox(ReadOnlySpan<float> pixels, int width, int height, int fraction)
    {
        var (x0, x1) = (width / 2 - width / fraction, width / 2 + width / fraction);
        var (y0, y1) = (height / 2 - height / fraction, height / 2 + height / fraction);
        var box = new double[(x1 - x0) * (y1 - y0)];
        var n = 0;
        for (var y = y0; y < y1; y++)
        {
            foreach (var v in pixels.Slice(y * width + x0, x1 - x0))
            {
                if (float.IsFinite(v)) box[n++] = v;
            }
        }
        return n == box.Length ? box : box[..n];
    }

    /// <summary>
    /// Iterative clipping about the median; the kept values end up in sample[0..n), n returned.
    /// Stops when a pass removes nothing or would remove everything.
    /// </summary>
    internal static int ClipInPlace(double[] sample, double sigma)
    {
        var n = sample.Length;
        while (n > 0)
        {
            var span = sample.AsSpan(0, n);
            var median = Median(span);
            var std = PopulationStd(span);
            var limit = sigma * std;
            var kept = 0;
            foreach (var v in span)
            {
                if (Math.Abs(v - median) <= limit) kept++;
            }
            if (kept == n || kept == 0) break;
            var k = 0;
            for (var i = 0; i < n; i++)
            {
                if (Math.Abs(sample[i] - median) <= limit) sample[k++] = sample[i];
            }
            n = k;
        }
        return n;
    }

    private static double RmsAboutMedian(Span<double> sample)
    {
        var median = Median(sample);
        var sum = 0.0;
        foreach (var v in sample) sum += (v - median) * (v - median);
        return Math.Sqrt(sum / sample.Length);
    }

    private static double PopulationStd(ReadOnlySpan<double> sample)
    {
        var mean = 0.0;
        foreach (var v in sample) mean += v;
        mean /= sample.Length;
        var ss = 0.0;
        foreach (var v in sample) ss += (v - mean) * (v - mean);
        return Math.Sqrt(ss / sample.Length);
    }

    /// <summary>Median (mean of the two middle values for even counts, as numpy) of a copy of the sample.</summary>
    private static double Median(ReadOnlySpan<double> sample)
    {
        var copy = sample.ToArray();
        var mid = copy.Length / 2;
        var upper = QuickSelect(copy, mid);
        if (copy.Length % 2 == 1) return upper;
        // After selecting index mid, everything left of it is <= upper: its maximum is the lower middle.
        var lower = double.NegativeInfinity;
        for (var i = 0; i < mid; i++) lower = Math.Max(lower, copy[i]);
        return 0.5 * (lower + upper);
    }

    /// <summary>k-th smallest value (Hoare selection, partially reorders the array).</summary>
    private static double QuickSelect(double[] a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var pivot = a[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return a[k];
    }
}
