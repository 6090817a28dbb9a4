namespace Trap.Engine.Cluster.Driver;

/// <summary>Cuts <c>count</c> items into at most <c>batches</c> contiguous ranges of near-equal size.</summary>
public static class Batches
{
    public static IReadOnlyList<Range> Cut(int count, int batches)
    {
        if (count == 0)
        {
            return Array.Empty<Range>();
        }
        var n = Math.Clamp(batches, 1, count);
        var ranges = new Range[n];
        for (var i = 0; i < n; i++)
        {
            ranges[i] = new Range((int)((long)count * i / n), (int)((long)count * (i + 1) / n));
        }
        return ranges;
    }
}
