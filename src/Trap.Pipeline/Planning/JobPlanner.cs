using Trap.Science.Association;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Turns header records into a <see cref="JobPlan"/>. Sky buckets are the connected groups of sky
/// regions whose fields overlap (padded by the association cone), so no pair of sources that could
/// associate is ever split between reducers: a distributed run equals the serial one record for
/// record, across RA 0/360 and the poles alike (the test is on unit vectors).
/// </summary>
public static class JobPlanner
{
    public static JobPlan Plan(IReadOnlyList<PlanEntry> headers, AssociationConfig association)
    {
        var (readable, duplicates) = DuplicateImages.Split(headers.Where(h => h.Rejection is null)
            .OrderBy(h => h.StartUtc).ThenBy(h => h.FrequencyHz).ThenBy(h => h.Url, StringComparer.Ordinal)
            .ToList());
        var unreadable = headers.Where(h => h.Rejection is not null).Concat(duplicates).OrderBy(h => h.Url, StringComparer.Ordinal).ToList();

        var bands = new FrequencyBands(association.BandwidthMaxHz);
        var regions = new SkyRegions();
        var bandIds = readable.Select(h => bands.BandOf(h.FrequencyHz, h.BandwidthHz)).ToArray();
        var regionIds = readable.Select(h => regions.RegionOf(h.CentreRaDeg, h.CentreDecDeg, h.ExtractionRadiusDeg).Id).ToArray();
        var maxConeDeg = readable.Count == 0 ? 0 : readable.Max(h => association.BeamwidthsLimit * h.BeamSemiMajorDeg);
        var bucketOfRegion = Buckets(regions.Regions, maxConeDeg);

        var images = new List<PlannedImage>(readable.Count + unreadable.Count);
        var timesteps = new List<IReadOnlyList<PlannedImage>>();
        List<PlannedImage>? current = null;
        for (var i = 0; i < readable.Count; i++)
        {
            if (current is null || readable[i].StartUtc != readable[i - 1].StartUtc)
            {
                current = new List<PlannedImage>();
                timesteps.Add(current);
            }
            var planned = new PlannedImage(i, timesteps.Count - 1, bandIds[i], regionIds[i], bucketOfRegion[regionIds[i]], readable[i]);
            current.Add(planned);
            images.Add(planned);
        }
        var failed = unreadable.Select((h, k) => new PlannedImage(readable.Count + k, -1, -1, -1, -1, h)).ToList();
        return new JobPlan(images, timesteps, bands.Bands, regions.Regions, failed);
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
