using Trap.Formats.Buffers;

namespace Trap.Science.Extraction.Background;

/// <summary>
/// Which pixels source extraction ignores (docs/science.md §4.2): a band of <c>margin</c> pixels on all four
/// edges, everything outside the circle of <c>radius</c> pixels about the array centre, and NaN pixels.
/// Zero-valued pixels are NOT masked (TraP HEAD).
/// </summary>
public static class ExtractionMask
{
    /// <summary>
    /// True = masked. <paramref name="radius"/> 0 disables the circle, <paramref name="margin"/> 0 the band.
    /// The mask is rented from <see cref="ExactLengthArrayPool{T}.Shared"/> (every element is written);
    /// the caller may hand it back once the maps are built.
    /// </summary>
    public static bool[] Build(ReadOnlySpan<float> pixels, int width, int height, int margin, double radius)
    {
        var mask = ExactLengthArrayPool<bool>.Shared.Rent(pixels.Length);
        for (var y = 0; y < height; y++)
        {
            var row = mask.AsSpan(y * width, width);
            var (first, last) = UnmaskedSpan(y, width, height, margin, radius);
            if (first > last)
            {
                row.Fill(true);
                continue;
            }
            row[..first].Fill(true);
            row[(last + 1)..].Fill(true);
            // Rows without a NaN (nearly all) are one vectorised search and one fill.
            var values = pixels.Slice(y * width, width);
            var nan = NaNSearch.IndexOfNaN(values[first..(last + 1)]);
            row[first..(nan < 0 ? last + 1 : first + nan)].Clear();
            for (var x = nan < 0 ? last + 1 : first + nan; x <= last; x++) row[x] = float.IsNaN(values[x]);
        }
        return mask;
    }

    /// <summary>The mask of one window of the image only (window-sized, row by row): the same values <see cref="Build"/> gives there.</summary>
    public static bool[] BuildWindow(ReadOnlySpan<float> pixels, int width, int height, int margin, double radius, PixelBox window)
    {
        var mask = new bool[window.Width * window.Height];
        for (var wy = 0; wy < window.Height; wy++)
        {
            var y = window.Y0 + wy;
            var (first, last) = UnmaskedSpan(y, width, height, margin, radius);
            for (var wx = 0; wx < window.Width; wx++)
            {
                var x = window.X0 + wx;
                mask[wy * window.Width + wx] = x < first || x > last || float.IsNaN(pixels[y * width + x]);
            }
        }
        return mask;
    }

    /// <summary>
    /// How far (pixels) the point (x, y) lies inside the searched area: the smaller of its distance to the
    /// outermost unmasked rows and columns (margin … size − 1 − margin) and to the circle; negative
    /// outside. The one measure of "distance to the edge" for candidates and scoring (docs/science.md).
    /// </summary>
    public static double DistanceInside(double x, double y, int width, int height, double margin, double radius)
    {
        var border = Math.Min(Math.Min(x - margin, y - margin), Math.Min(width - 1 - margin - x, height - 1 - margin - y));
        if (radius <= 0) return border;
        double dx = x - (width - 1) / 2.0, dy = y - (height - 1) / 2.0;
        return Math.Min(border, radius - Math.Sqrt(dx * dx + dy * dy));
    }

    /// <summary>First and last x of row y inside the margins and strictly inside the circle; first > last when none.</summary>
    private static (int First, int Last) UnmaskedSpan(int y, int width, int height, int margin, double radius)
    {
        if (y < margin || y >= height - margin) return (1, 0);
        int first = margin, last = width - 1 - margin;
        if (radius > 0)
        {
            var (circleFirst, circleLast) = CircleSpan(y - (height - 1) / 2.0, (width - 1) / 2.0, radius);
            first = Math.Max(first, circleFirst);
            last = Math.Min(last, circleLast);
        }
        return (first, last);
    }

    /// <summary>First and last integer x with (x − cx)² + dy² &lt; r² (TraP masks x² + y² ≥ r²); first > last when none.</summary>
    private static (int First, int Last) CircleSpan(double dy, double cx, double radius)
    {
        var r2 = radius * radius;
        var rest = r2 - dy * dy;
        if (rest <= 0) return (1, 0);
        var half = Math.Sqrt(rest);
        var first = (int)Math.Ceiling(cx - half);
        var last = (int)Math.Floor(cx + half);
        // Settle rounding at the boundary exactly by the defining inequality.
        while ((first - cx) * (first - cx) + dy * dy >= r2 && first <= last) first++;
        while ((last - cx) * (last - cx) + dy * dy >= r2 && last >= first) last--;
        while ((first - 1 - cx) * (first - 1 - cx) + dy * dy < r2) first--;
        while ((last + 1 - cx) * (last + 1 - cx) + dy * dy < r2) last++;
        return (first, last);
    }
}
