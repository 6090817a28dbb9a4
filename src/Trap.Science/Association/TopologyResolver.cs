namespace Trap.Science.Association;

/// <summary>A catalogue source and a measurement that passed the cone and De Ruiter tests.</summary>
public readonly record struct CandidatePair(long ExtractionId, long RuncatId, double R, double DistanceArcsec);

/// <summary>The accepted links of one image, by kind.</summary>
/// <param name="Forks">Catalogue sources with several active links (one-to-many), ascending runcat id,
/// each group's links in ascending extraction id.</param>
/// <param name="OneToOne">Links of catalogue sources with a single active link (one-to-one and each
/// link of a many-to-one), ascending (extraction, runcat).</param>
/// <param name="LinkedExtractions">Every extraction in any candidate pair, active or not: these never
/// start a new catalogue source.</param>
public sealed record Topology(
    IReadOnlyList<IReadOnlyList<CandidatePair>> Forks,
    IReadOnlyList<CandidatePair> OneToOne,
    IReadOnlySet<long> LinkedExtractions);

/// <summary>TraP's topology resolution of candidate pairs (docs/science.md §5.3).</summary>
public static class TopologyResolver
{
    /// <summary>
    /// Many-to-many trimming, then classification. Trimming (TraP _flag_many_to_many_tempruncat):
    /// take the extractions with more than one candidate, and the catalogue sources with more than one
    /// candidate that are linked to such an extraction; for each such extraction, among its pairs with
    /// such catalogue sources keep only the smallest R. TraP keeps every pair tied at the smallest R;
    /// we keep the one with the smallest runcat id, so that an extraction can fork at most one source
    /// and the ids derived from it stay unique (TraP would hit its unique constraint there).
    /// </summary>
    public static Topology Resolve(IReadOnlyList<CandidatePair> pairs)
    {
        var perExtraction = CountBy(pairs, p => p.ExtractionId);
        var perRuncat = CountBy(pairs, p => p.RuncatId);
        var multiRuncats = new HashSet<long>();
        foreach (var p in pairs)
            if (perExtraction[p.ExtractionId] > 1 && perRuncat[p.RuncatId] > 1) multiRuncats.Add(p.RuncatId);

        var active = new bool[pairs.Count];
        var bestOfExtraction = new Dictionary<long, int>();
        for (var i = 0; i < pairs.Count; i++)
        {
            active[i] = true;
            var p = pairs[i];
            if (perExtraction[p.ExtractionId] <= 1 || !multiRuncats.Contains(p.RuncatId)) continue;
            if (!bestOfExtraction.TryGetValue(p.ExtractionId, out var best)) bestOfExtraction[p.ExtractionId] = i;
            else if (p.R < pairs[best].R || (p.R == pairs[best].R && p.RuncatId < pairs[best].RuncatId)) bestOfExtraction[p.ExtractionId] = i;
        }
        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            if (bestOfExtraction.TryGetValue(p.ExtractionId, out var best) && multiRuncats.Contains(p.RuncatId) && best != i)
                active[i] = false;
        }

        var activeByRuncat = new SortedDictionary<long, List<CandidatePair>>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!active[i]) continue;
            if (!activeByRuncat.TryGetValue(pairs[i].RuncatId, out var list)) activeByRuncat[pairs[i].RuncatId] = list = new List<CandidatePair>();
            list.Add(pairs[i]);
        }
        var forks = new List<IReadOnlyList<CandidatePair>>();
        var oneToOne = new List<CandidatePair>();
        foreach (var (_, list) in activeByRuncat)
        {
            if (list.Count > 1)
            {
                list.Sort((a, b) => a.ExtractionId.CompareTo(b.ExtractionId));
                forks.Add(list);
            }
            else oneToOne.Add(list[0]);
        }
        oneToOne.Sort((a, b) => a.ExtractionId != b.ExtractionId ? a.ExtractionId.CompareTo(b.ExtractionId) : a.RuncatId.CompareTo(b.RuncatId));
        return new Topology(forks, oneToOne, new HashSet<long>(perExtraction.Keys));
    }

    /// <summary>
    /// Trap's matching (docs/science.md §5.6): pairs taken in increasing R (ties: smaller extraction id,
    /// then smaller runcat id), each accepted unless its extraction or its catalogue source is already
    /// paired. No forks; only paired extractions count as linked, so the others start new sources.
    /// </summary>
    public static Topology ResolveNearest(IReadOnlyList<CandidatePair> pairs)
    {
        var ordered = pairs.OrderBy(p => p.R).ThenBy(p => p.ExtractionId).ThenBy(p => p.RuncatId);
        var pairedExtractions = new HashSet<long>();
        var pairedRuncats = new HashSet<long>();
        var oneToOne = new List<CandidatePair>();
        foreach (var p in ordered)
        {
            if (pairedExtractions.Contains(p.ExtractionId) || pairedRuncats.Contains(p.RuncatId)) continue;
            pairedExtractions.Add(p.ExtractionId);
            pairedRuncats.Add(p.RuncatId);
            oneToOne.Add(p);
        }
        oneToOne.Sort((a, b) => a.ExtractionId != b.ExtractionId ? a.ExtractionId.CompareTo(b.ExtractionId) : a.RuncatId.CompareTo(b.RuncatId));
        return new Topology(Array.Empty<IReadOnlyList<CandidatePair>>(), oneToOne, pairedExtractions);
    }

    private static Dictionary<long, int> CountBy(IReadOnlyList<CandidatePair> pairs, Func<CandidatePair, long> key)
    {
        var counts = new Dictionary<long, int>();
        foreach (var p in pairs) counts[key(p)] = counts.GetValueOrDefault(key(p)) + 1;
        return counts;
    }
}
