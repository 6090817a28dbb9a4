namespace Trap.Pipeline.Streaming;

/// <summary>
/// A set of <see cref="Hash128"/> keys that grows with a stream (and is cut back to those it still needs,
/// <see cref="KeepOnly"/>) and costs about its keys' bytes (docs/streaming.md, "What stays bounded"): a sorted array searched by bisection, and the newest
/// keys in a small hash set, merged into the array when they reach a sixteenth of it (so each key is
/// copied about sixteen times in all, 16 bytes each time). A hash set alone would take 28–56 bytes per
/// key (its entries, buckets and spare capacity); this takes 16 bytes per key plus the small set's, at
/// most 28 bytes per slot for a sixteenth of the keys (up to twice that in spare capacity): 17.8–19.5
/// bytes per key.
/// </summary>
public sealed class Hash128Set
{
    private const int SmallestMerge = 1024;

    private Hash128[] _sorted = [];
    private readonly HashSet<Hash128> _newest = new();

    public int Count => _sorted.Length + _newest.Count;

    /// <summary>The bytes the set holds now: its array, and its small set's slots at 28 bytes each.</summary>
    public long RetainedBytes => _sorted.Length * 16L + _newest.EnsureCapacity(0) * 28L;

    public bool Contains(Hash128 key) => _newest.Contains(key) || Array.BinarySearch(_sorted, key) >= 0;

    /// <summary>Adds <paramref name="key"/>; false (and nothing changes) when it is there already.</summary>
    public bool Add(Hash128 key)
    {
        if (Contains(key)) return false;
        _newest.Add(key);
        if (_newest.Count >= Math.Max(SmallestMerge, _sorted.Length / 16)) Merge();
        return true;
    }

    /// <summary>Keeps only those of its keys that are among <paramref name="keys"/>.</summary>
    public void KeepOnly(IEnumerable<Hash128> keys)
    {
        var kept = keys.Where(Contains).ToArray();
        Array.Sort(kept);
        var distinct = 0;
        foreach (var key in kept)
        {
            if (distinct == 0 || kept[distinct - 1] != key) kept[distinct++] = key;
        }
        _sorted = kept[..distinct];
        _newest.Clear();
        _newest.TrimExcess(SmallestMerge);
    }

    private void Merge()
    {
        var keys = _newest.ToArray();
        Array.Sort(keys);
        var merged = new Hash128[_sorted.Length + keys.Length];
        int a = 0, b = 0;
        for (var i = 0; i < merged.Length; i++)
        {
            merged[i] = b == keys.Length || (a < _sorted.Length && _sorted[a].CompareTo(keys[b]) < 0) ? _sorted[a++] : keys[b++];
        }
        _sorted = merged;
        _newest.Clear();
        _newest.TrimExcess(SmallestMerge);
    }
}
