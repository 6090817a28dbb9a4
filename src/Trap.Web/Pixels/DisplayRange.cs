namespace Trap.Web.Pixels;

/// <summary>The flux range (image units, Jy/beam) drawn from black to white; values outside are clipped.</summary>
public readonly record struct DisplayRange(double Low, double High)
{
    /// <summary>Lower and upper percentiles of an image's finite pixels: noise stays grey, sources saturate only at the very top.</summary>
    public const double LowPercentile = 0.5, HighPercentile = 99.8;

    /// <summary>The grey level 0–255 of <paramref name="value"/>.</summary>
    public byte Grey(float value)
    {
        var f = (value - Low) / (High - Low);
        return (byte)Math.Clamp(Math.Round(f * 255), 0, 255);
    }

    /// <summary>
    /// The <see cref="LowPercentile"/>–<see cref="HighPercentile"/> range of the finite values (NaN
    /// pixels, e.g. blanked or off the image, are left out); a flat or empty set gets a range of width 1
    /// around its value so it draws as mid grey rather than failing.
    /// </summary>
    public static DisplayRange Percentiles(ReadOnlySpan<float> values)
    {
        var finite = new List<float>(values.Length);
        foreach (var v in values) if (float.IsFinite(v)) finite.Add(v);
        if (finite.Count == 0) return new(-0.5, 0.5);
        finite.Sort();
        double At(double percent) => finite[(int)Math.Round(percent / 100 * (finite.Count - 1))];
        var (low, high) = (At(LowPercentile), At(HighPercentile));
        return high > low ? new(low, high) : new(low - 0.5, low + 0.5);
    }
}
