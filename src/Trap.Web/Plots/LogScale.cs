using System.Globalization;

namespace Trap.Web.Plots;

/// <summary>A base-10 logarithmic axis with ticks at the powers of ten inside its range (every other
/// power or wider when the range spans many decades); values ≤ 0 cannot be drawn on it.</summary>
public sealed class LogScale : Scale
{
    public LogScale(double min, double max, double pixelStart, double pixelEnd) : base(min, max, pixelStart, pixelEnd)
    {
        if (!(min > 0)) throw new ArgumentException($"a log scale needs a positive minimum (got {min})");
    }

    /// <summary>A scale from the decade at or below the smallest positive value to the decade at or above the largest.</summary>
    public static LogScale Covering(IEnumerable<double> values, double pixelStart, double pixelEnd)
    {
        var positive = values.Where(v => double.IsFinite(v) && v > 0).ToList();
        if (positive.Count == 0) return new LogScale(0.1, 10, pixelStart, pixelEnd);
        var low = Math.Floor(Math.Log10(positive.Min()));
        var high = Math.Ceiling(Math.Log10(positive.Max()));
        if (high <= low) high = low + 1;
        return new LogScale(Math.Pow(10, low), Math.Pow(10, high), pixelStart, pixelEnd);
    }

    public override IReadOnlyList<double> Ticks()
    {
        var low = (int)Math.Ceiling(Math.Log10(Min) - 1e-9);
        var high = (int)Math.Floor(Math.Log10(Max) + 1e-9);
        var every = Math.Max(1, (int)Math.Ceiling((high - low + 1) / 8.0));
        var ticks = new List<double>();
        for (var k = low; k <= high; k += every) ticks.Add(Math.Pow(10, k));
        return ticks;
    }

    public override string Label(double value)
    {
        var exponent = (int)Math.Round(Math.Log10(value));
        return exponent is >= -2 and <= 3
            ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : "1e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    protected override double Fraction(double value) => (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min));

    public override bool IsDrawable(double value) => double.IsFinite(value) && value > 0;
}
