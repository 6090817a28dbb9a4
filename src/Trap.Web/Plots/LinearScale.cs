using System.Globalization;

namespace Trap.Web.Plots;

/// <summary>A linear axis with ticks at 1, 2 or 5 × 10^k steps, about <see cref="TargetTicks"/> of them.</summary>
public sealed class LinearScale : Scale
{
    public const int TargetTicks = 6;

    public LinearScale(double min, double max, double pixelStart, double pixelEnd) : base(min, max, pixelStart, pixelEnd)
    {
    }

    /// <summary>A scale covering every finite value given plus a margin of <paramref name="padFraction"/> of the span on each side.</summary>
    public static LinearScale Covering(IEnumerable<double> values, double pixelStart, double pixelEnd, double padFraction = 0.05)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return new LinearScale(0, 1, pixelStart, pixelEnd);
        var (min, max) = (finite.Min(), finite.Max());
        // A single value (or all equal) still gets a visible span around it.
        var span = max > min ? max - min : Math.Max(Math.Abs(max), 1.0) * 0.1;
        return new LinearScale(min - padFraction * span, max + padFraction * span, pixelStart, pixelEnd);
    }

    public double Step => NiceStep((Max - Min) / TargetTicks);

    public override IReadOnlyList<double> Ticks()
    {
        var step = Step;
        var ticks = new List<double>();
        for (var k = Math.Ceiling(Min / step); k * step <= Max + step * 1e-9; k++)
        {
            // Snap values such as 0.30000000000000004 to the step grid, and -0 to 0.
            var value = Math.Round(k * step / step) * step;
            ticks.Add(value == 0 ? 0 : value);
        }
        return ticks;
    }

    public override string Label(double value)
    {
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step)));
        return value.ToString("F" + Math.Min(decimals, 10), CultureInfo.InvariantCulture);
    }

    protected override double Fraction(double value) => (value - Min) / (Max - Min);

    /// <summary>The 1, 2 or 5 × 10^k at or just above <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var mantissa = rough / power;
        var nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
        return nice * power;
    }
}
