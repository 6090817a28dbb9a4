namespace Trap.Science.Extraction.Forced;

/// <summary>
/// Positions (pixels) that may take flux in a forced fit's box (docs/science.md §7.5): an image's blind
/// detections and the other requested positions. Sorted by x, so the ones near a position are found by
/// a binary search.
/// </summary>
internal sealed class NeighbourSet
{
    private readonly (double X, double Y)[] _byX;

    public NeighbourSet(IEnumerable<(double X, double Y)> positions)
    {
        _byX = positions.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
    }

    public static NeighbourSet Empty { get; } = new(Array.Empty<(double, double)>());

    /// <summary>
    /// The at most <paramref name="count"/> positions nearest (x, y) within <paramref name="radius"/>,
    /// leaving out those closer than <paramref name="same"/> (the position itself, or a detection the
    /// beam cannot tell from it); nearest first. Duplicates count once.
    /// </summary>
    public List<(double X, double Y)> Near(double x, double y, double radius, double same, int count)
    {
        var found = new List<(double X, double Y, double D)>();
        var i = LowerBound(x - radius);
        for (; i < _byX.Length && _byX[i].X <= x + radius; i++)
        {
            var p = _byX[i];
            var d = Math.Sqrt((p.X - x) * (p.X - x) + (p.Y - y) * (p.Y - y));
            if (d <= radius && d >= same && !found.Exists(f => f.X == p.X && f.Y == p.Y)) found.Add((p.X, p.Y, d));
        }
        return found.OrderBy(f => f.D).ThenBy(f => f.X).ThenBy(f => f.Y).Take(count).Select(f => (f.X, f.Y)).ToList();
    }

    private int LowerBound(double x)
    {
        int low = 0, high = _byX.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_byX[mid].X < x) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
