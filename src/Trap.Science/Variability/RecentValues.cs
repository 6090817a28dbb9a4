namespace Trap.Science.Variability;

/// <summary>
/// The last <c>window</c> values of a sequence, oldest first, in a ring (window 0: every value). The
/// bounded light-curve history of the variability summary (docs/science.md §8.3, docs/streaming.md
/// "The light curves the catalogue keeps"): a full ring overwrites its oldest value, so it never holds
/// more than the window.
/// </summary>
internal sealed class RecentValues
{
    private readonly int _window;
    private double[] _ring;
    private int _start;

    /// <param name="window">Values kept; 0 keeps them all.</param>
    public RecentValues(int window)
    {
        if (window < 0) throw new ArgumentOutOfRangeException(nameof(window), window, "a window is 0 (no bound) or a positive count");
        _window = window;
        _ring = Array.Empty<double>();
    }

    private RecentValues(RecentValues other)
    {
        _window = other._window;
        _ring = (double[])other._ring.Clone();
        _start = other._start;
        Count = other.Count;
    }

    /// <summary>Values held (at most the window).</summary>
    public int Count { get; private set; }

    /// <summary>The held values in order: the older part of the ring, then the newer.</summary>
    public ReadOnlySpan<double> Older => _ring.AsSpan(_start, Math.Min(Count, _ring.Length - _start));

    /// <inheritdoc cref="Older"/>
    public ReadOnlySpan<double> Newer => _ring.AsSpan(0, Count - Older.Length);

    public void Add(double value)
    {
        if (Count == _window && _window > 0)
        {
            _ring[_start] = value;
            _start = (_start + 1) % _window;
            return;
        }
        if (Count == _ring.Length) Grow();
        _ring[(_start + Count) % _ring.Length] = value;
        Count++;
    }

    /// <summary>The held values, in order, into a new array.</summary>
    public double[] ToArray()
    {
        var values = new double[Count];
        Older.CopyTo(values);
        Newer.CopyTo(values.AsSpan(Older.Length));
        return values;
    }

    public RecentValues Clone() => new(this);

    private void Grow()
    {
        var capacity = Math.Max(4, 2 * _ring.Length);
        if (_window > 0) capacity = Math.Min(capacity, _window);
        var grown = new double[capacity];
        Older.CopyTo(grown);
        Newer.CopyTo(grown.AsSpan(Older.Length));
        (_ring, _start) = (grown, 0);
    }
}
