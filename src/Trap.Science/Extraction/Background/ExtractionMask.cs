namespace Trap.Science.Extraction.Background;

/// <summary>
/// Which pixels source extraction ignores (trap-facts §4.2): a band of <c>margin</c> pixels on all four
/// edges, everything outside the circle of <c>radius</c> pixels about the array centre, and NaN pixels.
/// Zero-valued pixels are NOT masked (TraP HEAD).
/// </summary>
public static class ExtractionMask
{
    /// <summary>True = masked. <paramref name="radius"/> 0 disables the circle, <paramref name="margin"/> 0 the band.</summary>
    public static bool[] Build(ReadOnlySpan<float> pixels, int width, int height, int margin, double radius)
    {
        var mask = new bool[pixels.Length];
        var cx = (width - 1) / 2.0;
        var cy = (height - 1) / 2.0;
        var r2 = radius * radius;
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            var dy2 = (y - cy) * (y - cy);
            var edgeRow = y < margin || y >= height - margin;
            for (var x = 0; x < width; x++)
            {
                var masked = edgeRow || x < margin || x >= width - margin || float.IsNaN(pixels[row + x]);
                if (!masked && radius > 0)
                {
                    masked = (x - cx) * (x - cx) + dy2 >= r2;
                }
                mask[row + x] = masked;
            }
        }
        return mask;
    }
}
