namespace Trap.Science.Quality;

/// <summary>
/// One pass over the pixels: NaN counts (non-finite values count as NaN: none of them is data) over
/// the whole image and over its field — the circle inscribed in the image, where source extraction
/// looks — and the range of the finite values.
/// </summary>
public readonly record struct PixelCensus(long Total, long NanCount, long FieldTotal, long FieldNanCount, float FiniteMin, float FiniteMax)
{
    public long FiniteCount => Total - NanCount;

    public double NanFraction => Total == 0 ? 1.0 : (double)NanCount / Total;

    /// <summary>
    /// NaN fraction inside the inscribed circle: blank corners outside it (primary-beam masks, the
    /// far side of a projection) do not count; a blank block inside it does.
    /// </summary>
    public double FieldNanFraction => FieldTotal == 0 ? NanFraction : (double)FieldNanCount / FieldTotal;

    /// <summary>Census of a row-major width × height image; pixel (x, y) is in the field when its centre is within min(width, height)/2 of the image centre.</summary>
    public static PixelCensus Of(ReadOnlySpan<float> pixels, int width, int height)
    {
        long nan = 0, fieldNan = 0, fieldTotal = 0;
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var radius = Math.Min(width, height) / 2.0;
        for (var y = 0; y < height; y++)
        {
            // Columns of this row whose pixel centres (x + 0.5) lie inside the circle.
            var dy = y + 0.5 - height / 2.0;
            var half = dy * dy <= radius * radius ? Math.Sqrt(radius * radius - dy * dy) : -1;
            var x0 = half < 0 ? 0 : (int)Math.Ceiling(width / 2.0 - half - 0.5);
            var x1 = half < 0 ? -1 : (int)Math.Floor(width / 2.0 + half - 0.5);
            fieldTotal += Math.Max(0, x1 - x0 + 1);
            var row = pixels.Slice(y * width, width);
            for (var x = 0; x < row.Length; x++)
            {
                var v = row[x];
                if (!float.IsFinite(v))
                {
                    nan++;
                    if (x >= x0 && x <= x1) fieldNan++;
                    continue;
                }
                if (v < min) min = v;
                if (v > max) max = v;
            }
        }
        return new PixelCensus(pixels.Length, nan, fieldTotal, fieldNan, min, max);
    }
}
