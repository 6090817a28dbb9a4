namespace Trap.Web.Plots;

/// <summary>Maps data values on one axis to a pixel range, and chooses the tick marks to label.</summary>
public abstract class Scale
{
    protected Scale(double min, double max, double pixelStart, double pixelEnd)
    {
        if (!(min < max)) throw new ArgumentException($"a scale needs min < max (got {min} .. {max})");
        Min = min;
        Max = max;
        PixelStart = pixelStart;
        PixelEnd = pixelEnd;
    }

    public double Min { get; }

    public double Max { get; }

    public double PixelStart { get; }

    public double PixelEnd { get; }

    /// <summary>The pixel coordinate of <paramref name="value"/> (outside the pixel range when the value is outside the data range).</summary>
    public double ToPixel(double value) => PixelStart + (PixelEnd - PixelStart) * Fraction(value);

    /// <summary>Whether <paramref name="value"/> can be drawn on this scale and lies within its range.</summary>
    public bool Contains(double value) => IsDrawable(value) && value >= Min && value <= Max;

    /// <summary>Values at which to draw labelled ticks, inside [Min, Max], increasing.</summary>
    public abstract IReadOnlyList<double> Ticks();

    /// <summary>The label of a tick value.</summary>
    public abstract string Label(double value);

    protected abstract double Fraction(double value);

    /// <summary>Whether the scale can place <paramref name="value"/> at all (finite; positive on a log scale).</summary>
    public virtual bool IsDrawable(double value) => double.IsFinite(value);
}
