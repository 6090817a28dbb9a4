namespace Trap.Science.Quality;

/// <summary>One pass over the pixels: NaN count and the range of the finite values.</summary>
public readonly record struct PixelCensus(long Total, long NanCount, float FiniteMin, float FiniteMax)
{
    public long FiniteCount => Total - NanCount;

    public double NanFraction => Total == 0 ? 1.0 : (double)NanCount / Total;

    /// <summary>Counts every non-finite pixel (NaN or ±∞) as NaN: none of them is data.</summary>
    public static PixelCensus Of(ReadOnlySpan<float> pixels)
    {
        long nan = 0;
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var v in pixels)
        {
            if (!float.IsFinite(v))
            {
                nan++;
                continue;
            }
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return new PixelCensus(pixels.Length, nan, min, max);
    }
}
