using Trap.Science.Association;

namespace Trap.Pipeline.Planning;

/// <summary>A batch of later images would change what an earlier one was planned as (its sky bucket).</summary>
public sealed class PlanChangedException(string why) : Exception(why);

/// <summary>
/// A <see cref="JobPlan"/> that grows as images arrive in time order (`trap stream`, docs/streaming.md):
/// each <see cref="Extend"/> plans only the new images, as <see cref="JobPlanner.Plan"/> plans them among all
/// the images so far, and returns the plan of those new images (given all at once: the plan of all).
/// Images keep their ids, bands and regions (assigned in observation order, so later images cannot change
/// earlier ones); the images planning rejects are numbered after the readable ones, so theirs are
/// renumbered each time; a sky bucket can merge with another when a new region or a wider association
/// cone arrives: <see cref="PlanChangedException"/>. Of the images planned before, it keeps nothing per
/// image: per band and region what the checks need. A copy of one of them (the same bytes, so the same
/// start time) is refused as not later (<see cref="DuplicateImages"/>).
/// </summary>
public sealed class GrowingPlan(AssociationConfig association)
{
    private readonly FrequencyBands _bands = new(association.BandwidthMaxHz);
    private readonly SkyRegions _regions = new();
    private readonly List<PlanEntry> _rejected = new();

    /// <summary>The sky regions planned images lie in: their bucket may not change.</summary>
    private readonly HashSet<long> _regionsWithImages = new();

    private Dictionary<long, int> _bucketOfRegion = new();
    private double _maxConeDeg;
    private int _timesteps;

    /// <summary>Readable images planned so far.</summary>
    public int Count { get; private set; }

    /// <summary>The newest start time of the planned images (none yet: <see cref="DateTime.MinValue"/>).</summary>
    public DateTime NewestStartUtc { get; private set; } = DateTime.MinValue;

    /// <summary>
    /// Plans <paramref name="entries"/> after the images already planned (every readable one must start
    /// later than those) and returns their plan: their images and timesteps, with every band, region
    /// and image planning rejected so far.
    /// </summary>
    public JobPlan Extend(IReadOnlyList<PlanEntry> entries)
    {
        var ordered = entries.Where(h => h.Rejection is null)
            .OrderBy(h => h.StartUtc).ThenBy(h => h.FrequencyHz).ThenBy(h => h.Url, StringComparer.Ordinal).ToList();
        if (ordered.Count > 0 && Count > 0 && ordered[0].StartUtc <= NewestStartUtc)
            throw new InvalidOperationException($"{ordered[0].Url} starts at {ordered[0].StartUtc:O}, not after the planned images ({NewestStartUtc:O}): plan it with all images");
        var (readable, duplicates) = DuplicateImages.Split(ordered, Count);
        _rejected.AddRange(entries.Where(h => h.Rejection is not null).Concat(duplicates));

        var regionsBefore = _regions.Regions.Count;
        var bandIds = readable.Select(h => _bands.BandOf(h.FrequencyHz, h.BandwidthHz)).ToArray();
        var regionIds = readable.Select(h => _regions.RegionOf(h.CentreRaDeg, h.CentreDecDeg, h.ExtractionRadiusDeg).Id).ToArray();
        var maxConeDeg = readable.Select(h => association.BeamwidthsLimit * h.BeamSemiMajorDeg).Append(_maxConeDeg).Max();
        if (_regions.Regions.Count != regionsBefore || maxConeDeg != _maxConeDeg || _bucketOfRegion.Count == 0)
        {
            var buckets = Buckets(_regions.Regions, maxConeDeg);
            // Every planned image of a region has the region's bucket: a region whose bucket changes moves them all.
            var moved = _regionsWithImages.Order().Where(r => buckets[r] != _bucketOfRegion[r]).Take(1).ToList();
            if (moved.Count > 0)
                throw new PlanChangedException($"the new images change the sky bucket of the images of sky region {moved[0]} (sky buckets merged)");
            (_bucketOfRegion, _maxConeDeg) = (buckets, maxConeDeg);
        }

        var images = new List<PlannedImage>(readable.Count);
        var timesteps = new List<IReadOnlyList<PlannedImage>>();
        for (var i = 0; i < readable.Count; i++)
        {
            if (i == 0 || readable[i].StartUtc != readable[i - 1].StartUtc)
            {
                timesteps.Add(new List<PlannedImage>());
                _timesteps++;
            }
            var planned = new PlannedImage(Count + i, _timesteps - 1, bandIds[i], regionIds[i], _bucketOfRegion[regionIds[i]], readable[i]);
            ((List<PlannedImage>)timesteps[^1]).Add(planned);
            images.Add(planned);
            _regionsWithImages.Add(regionIds[i]);
        }
        Count += readable.Count;
        if (readable.Count > 0) NewestStartUtc = readable[^1].StartUtc;
        var failed = _rejected.OrderBy(h => h.Url, StringComparer.Ordinal)
            .Select((h, k) => new PlannedImage(Count + k, -1, -1, -1, -1, h)).ToList();
        return new JobPlan(images, timesteps, _bands.Bands, _regions.Regions, failed);
    }

    /// <summary>Union-find over regions: two regions share a bucket when their circles, grown by
    /// the association cone, overlap. The bucket id is the smallest region id of its group.</summary>
    private static Dictionary<long, int> Buckets(IReadOnlyList<SkyRegion> regions, double padDeg)
    {
        var parent = Enumerable.Range(0, regions.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var a = 0; a < regions.Count; a++)
        {
            for (var b = a + 1; b < regions.Count; b++)
            {
                var reach = regions[a].RadiusDeg + regions[b].RadiusDeg + 2 * padDeg;
                if (regions[a].DistanceDeg(regions[b].Centre) < reach)
                {
                    var (ra, rb) = (Find(a), Find(b));
                    parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }
        var bucket = new Dictionary<long, int>();
        for (var i = 0; i < regions.Count; i++)
        {
            bucket[regions[i].Id] = (int)regions[Find(i)].Id;
        }
        return bucket;
    }
}
