using Trap.Science.Association;

namespace Trap.Pipeline.Planning;

/// <summary>A batch of later images would change what an earlier one was planned as (its sky bucket).</summary>
public sealed class PlanChangedException(string why) : Exception(why);

/// <summary>
/// A <see cref="JobPlan"/> that grows as images arrive in time order (`trap stream`, docs/streaming.md):
/// each <see cref="Extend"/> plans only the new images, and gives the plan <see cref="JobPlanner.Plan"/>
/// gives over all the images so far. Images keep their ids, bands and regions (assigned in observation
/// order, so later images cannot change earlier ones); the images planning rejects are numbered after
/// the readable ones, so theirs are renumbered each time; a sky bucket can merge with another when a new
/// region or a wider association cone arrives: <see cref="PlanChangedException"/>. The lists of the
/// plans given out are this object's own and grow with it.
/// </summary>
public sealed class GrowingPlan(AssociationConfig association)
{
    private readonly FrequencyBands _bands = new(association.BandwidthMaxHz);
    private readonly SkyRegions _regions = new();
    private readonly DuplicateImages _duplicates = new();
    private readonly List<PlannedImage> _images = new();
    private readonly List<IReadOnlyList<PlannedImage>> _timesteps = new();
    private readonly List<PlanEntry> _rejected = new();
    private Dictionary<long, int> _bucketOfRegion = new();
    private double _maxConeDeg;

    /// <summary>Readable images planned so far.</summary>
    public int Count => _images.Count;

    /// <summary>The newest start time of the planned images (none yet: <see cref="DateTime.MinValue"/>).</summary>
    public DateTime NewestStartUtc => _images.Count == 0 ? DateTime.MinValue : _images[^1].Header.StartUtc;

    /// <summary>Plans <paramref name="entries"/> after the images already planned; every readable one must start later than those.</summary>
    public JobPlan Extend(IReadOnlyList<PlanEntry> entries)
    {
        var ordered = entries.Where(h => h.Rejection is null)
            .OrderBy(h => h.StartUtc).ThenBy(h => h.FrequencyHz).ThenBy(h => h.Url, StringComparer.Ordinal).ToList();
        if (ordered.Count > 0 && _images.Count > 0 && ordered[0].StartUtc <= NewestStartUtc)
            throw new InvalidOperationException($"{ordered[0].Url} starts at {ordered[0].StartUtc:O}, not after the planned images ({NewestStartUtc:O}): plan it with all images");
        var (readable, duplicates) = _duplicates.Split(ordered);
        _rejected.AddRange(entries.Where(h => h.Rejection is not null).Concat(duplicates));

        var first = _images.Count;
        var regionsBefore = _regions.Regions.Count;
        var bandIds = readable.Select(h => _bands.BandOf(h.FrequencyHz, h.BandwidthHz)).ToArray();
        var regionIds = readable.Select(h => _regions.RegionOf(h.CentreRaDeg, h.CentreDecDeg, h.ExtractionRadiusDeg).Id).ToArray();
        var maxConeDeg = readable.Select(h => association.BeamwidthsLimit * h.BeamSemiMajorDeg).Append(_maxConeDeg).Max();
        if (_regions.Regions.Count != regionsBefore || maxConeDeg != _maxConeDeg || _bucketOfRegion.Count == 0)
        {
            var buckets = Buckets(_regions.Regions, maxConeDeg);
            if (_images.FirstOrDefault(i => buckets[i.SkyRegionId] != i.Bucket) is { } moved)
                throw new PlanChangedException($"the new images change the sky bucket of {moved.Header.Url} (sky buckets merged)");
            (_bucketOfRegion, _maxConeDeg) = (buckets, maxConeDeg);
        }

        for (var i = 0; i < readable.Count; i++)
        {
            if (i == 0 || readable[i].StartUtc != readable[i - 1].StartUtc) _timesteps.Add(new List<PlannedImage>());
            var planned = new PlannedImage(first + i, _timesteps.Count - 1, bandIds[i], regionIds[i], _bucketOfRegion[regionIds[i]], readable[i]);
            ((List<PlannedImage>)_timesteps[^1]).Add(planned);
            _images.Add(planned);
        }
        var failed = _rejected.OrderBy(h => h.Url, StringComparer.Ordinal)
            .Select((h, k) => new PlannedImage(_images.Count + k, -1, -1, -1, -1, h)).ToList();
        return new JobPlan(_images, _timesteps, _bands.Bands, _regions.Regions, failed);
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
