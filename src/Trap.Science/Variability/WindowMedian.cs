namespace Trap.Science.Variability;

/// <summary>
/// The median of a light curve's last W values, kept as they arrive (docs/streaming.md, "The light
/// curves the catalogue keeps"): the window's values in ascending order (Array.Sort's order, NaN
/// first), one insertion and at most one removal per value (a shift of at most W doubles), so a
/// summary reads the median instead of sorting the window.
/// </summary>
internal sealed class WindowMedian
{
    private readonly List<double> _sorted;

    public WindowMedian() => _sorted = new List<double>();

    private WindowMedian(WindowMedian other) => _sorted = new List<double>(other._sorted);

    /// <summary>Takes in <paramref name="entering"/>, and lets go of <paramref name="leaving"/> (a value the window holds) when the window was full.</summary>
    public void Add(double entering, double? leaving)
    {
        if (leaving is { } gone)
        {
            var at = _sorted.BinarySearch(gone);
            if (at < 0) throw new InvalidOperationException($"the window's median does not hold {gone}, which leaves the window");
            _sorted.RemoveAt(at);
        }
        var into = _sorted.BinarySearch(entering);
        _sorted.Insert(into < 0 ? ~into : into, entering);
    }

    /// <summary>The middle value, or the mean of the middle two for an even count.</summary>
    public double Median
    {
        get
        {
            if (_sorted.Count == 0) throw new InvalidOperationException("the median of no values");
            var mid = _sorted.Count / 2;
            return _sorted.Count % 2 == 1 ? _sorted[mid] : (_sorted[mid - 1] + _sorted[mid]) / 2.0;
        }
    }

    public WindowMedian Clone() => new(this);
}
