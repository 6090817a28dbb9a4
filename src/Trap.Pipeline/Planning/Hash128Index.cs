namespace Trap.Pipeline.Planning;

/// <summary>
/// A set of <see cref="Hash128"/> keys, each with an int, that grows for the whole of a stream and costs
/// about its keys' bytes (docs/streaming.md, "What stays bounded"): a sorted array searched by bisection,
/// and the newest keys in a small dictionary, merged into the array when they reach a sixteenth of it
/// (so each key is copied about sixteen times in all, 20 bytes each time). A hash set
/// would take 28–56 bytes per key (its entries, buckets and spare capacity); this takes
/// 16 bytes per key (20 with values) plus the dictionary's, at most 36 bytes per slot for a sixteenth of the keys
/// (up to twice that in spare capacity): 20.5–24.5 bytes per key (25–29 with values).
/// </summary>
public sealed class Hash128Index(bool withValues)
{
    private const int SmallestMerge = 1024;

    private Hash128[] _sorted = [];
    private int[] _sortedValues = [];
    private readonly Dictionary<Hash128, int> _newest = new();

    public int Count => _sorted.Length + _newest.Count;

    /// <summary>The bytes the index holds now: its arrays, and its dictionary's entries at 36 bytes each.</summary>
    public long RetainedBytes => _sorted.Length * 16L + _sortedValues.Length * 4L + _newest.EnsureCapacity(0) * 36L;

    public bool Contains(Hash128 key) => TryGetValue(key, out _);

    public bool TryGetValue(Hash128 key, out int value)
    {
        if (_newest.TryGetValue(key, out value)) return true;
        var at = Array.BinarySearch(_sorted, key);
        value = at >= 0 && withValues ? _sortedValues[at] : 0;
        return at >= 0;
    }

    /// <summary>Adds <paramref name="key"/> with <paramref name="value"/>; false (and nothing changes) when it is there already.</summary>
    public bool Add(Hash128 key, int value = 0)
    {
        if (Contains(key)) return false;
        _newest.Add(key, value);
        if (_newest.Count >= Math.Max(SmallestMerge, _sorted.Length / 16)) Merge();
        return true;
    }

    private void Merge()
    {
        var keys = _newest.Keys.ToArray();
        var values = _newest.Values.ToArray();
        Array.Sort(keys, values);
        var merged = new Hash128[_sorted.Length + keys.Length];
        var mergedValues = withValues ? new int[merged.Length] : [];
        int a = 0, b = 0;
        for (var i = 0; i < merged.Length; i++)
        {
            var fromSorted = b == keys.Length || (a < _sorted.Length && _sorted[a].CompareTo(keys[b]) < 0);
            merged[i] = fromSorted ? _sorted[a] : keys[b];
            if (withValues) mergedValues[i] = fromSorted ? _sortedValues[a] : values[b];
            if (fromSorted) a++;
            else b++;
        }
        (_sorted, _sortedValues) = (merged, mergedValues);
        _newest.Clear();
        _newest.TrimExcess(SmallestMerge);
    }
}
