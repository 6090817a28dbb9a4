namespace Trap.Science.Extraction.Background;

/// <summary>A rectangle of pixels [X0, X0+Width) × [Y0, Y0+Height), 0-based.</summary>
public readonly record struct PixelBox(int X0, int Y0, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Whether the point (x, y) lies on one of the box's pixels (each pixel spans ±0.5 about its centre).</summary>
    public bool Contains(double x, double y) => x >= X0 - 0.5 && x < X0 + Width - 0.5 && y >= Y0 - 0.5 && y < Y0 + Height - 0.5;

    /// <summary>Bounding box of the unmasked pixels (TraP's "useful chunk"); empty when all are masked.</summary>
    public static PixelBox OfUnmasked(ReadOnlySpan<bool> mask, int width, int height)
    {
        int xMin = width, xMax = -1, yMin = height, yMax = -1;
        for (var y = 0; y < height; y++)
        {
            var row = mask.Slice(y * width, width);
            var first = row.IndexOf(false);
            if (first < 0) continue;
            var last = row.LastIndexOf(false);
            xMin = Math.Min(xMin, first);
            xMax = Math.Max(xMax, last);
            yMin = Math.Min(yMin, y);
            yMax = y;
        }
        return xMax < 0 ? new PixelBox(0, 0, 0, 0) : new PixelBox(xMin, yMin, xMax - xMin + 1, yMax - yMin + 1);
    }
}
