namespace Trap.Science.Association;

/// <summary>
/// The naive O(N·M) reference: every query tests every entry. Used to cross-check
/// <see cref="SkyGrid"/> in tests and as the baseline of the association benchmark.
/// </summary>
public sealed class LinearScanIndex : ICandidateIndex
{
    private readonly Dictionary<int, SkyVector> _entries = new();

    public void Add(int slot, SkyVector position) => _entries.Add(slot, position);

    public void Move(int slot, SkyVector position) => _entries[slot] = position;

    public void Remove(int slot) => _entries.Remove(slot);

    public void Query(SkyVector centre, double radiusDeg, List<int> result)
    {
        var cosRadius = Math.Cos(radiusDeg * SkyVector.DegToRad);
        foreach (var (slot, v) in _entries)
            if (v.Dot(centre) > cosRadius) result.Add(slot);
    }
}
