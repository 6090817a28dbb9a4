using Trap.Engine.Cluster.Wire;

namespace Trap.Engine.Cluster.Driver;

/// <summary>
/// The driver's record of one reduce stage whose states stay on the workers: which worker holds each
/// key's state, and each key's lineage (every round it took part in: the task and its sorted records)
/// from which any worker can rebuild the state when its holder is lost.
/// </summary>
public sealed class StickyStage<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, string> _holders = new();
    private readonly Dictionary<TKey, List<ReplayRound>> _lineage = new();

    /// <summary>The worker holding the key's state after its last round, or null for a new key.</summary>
    public string? HolderOf(TKey key) => _holders.GetValueOrDefault(key);

    /// <summary>The key's earlier rounds, oldest first.</summary>
    public IReadOnlyList<ReplayRound> LineageOf(TKey key) =>
        _lineage.TryGetValue(key, out var rounds) ? rounds : Array.Empty<ReplayRound>();

    /// <summary>
    /// The worker each key's round should run on: its holder while live, else (new keys, keys of lost
    /// workers) the live worker with fewest keys so far, so keys spread evenly and stay put.
    /// </summary>
    public string[] Place(IReadOnlyList<TKey> keys, IReadOnlyList<string> live)
    {
        if (live.Count == 0)
        {
            // No worker yet: the scheduler waits for one and sends each batch to whichever comes.
            return keys.Select(_ => "").ToArray();
        }
        var liveSet = live.ToHashSet(StringComparer.Ordinal);
        var load = live.ToDictionary(w => w, _ => 0, StringComparer.Ordinal);
        foreach (var holder in _holders.Values.Where(liveSet.Contains))
        {
            load[holder]++;
        }
        var targets = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            if (HolderOf(keys[i]) is { } holder && liveSet.Contains(holder))
            {
                targets[i] = holder;
                continue;
            }
            var least = load.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            load[least]++;
            targets[i] = least;
        }
        return targets;
    }

    /// <summary>Records a finished round of a key: who now holds its state, and the round for later replays.</summary>
    public void Completed(TKey key, string worker, ReplayRound round)
    {
        _holders[key] = worker;
        if (!_lineage.TryGetValue(key, out var rounds))
        {
            rounds = new List<ReplayRound>();
            _lineage[key] = rounds;
        }
        rounds.Add(round);
    }
}
