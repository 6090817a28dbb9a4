using Trap.Dataset;
using Trap.Pipeline.Planning;
using Trap.Science.Association;
using Trap.Science.Quality;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>A plan grown batch by batch (`trap stream`) is the plan of all the images at once, or says why it cannot be.</summary>
public sealed class GrowingPlanTests
{
    private static readonly AssociationConfig Association = new();
    private static readonly DateTime Start = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ExtendedBatchByBatchItEqualsThePlanOfAllImages()
    {
        // Two fields far apart, three bands; a new field and band appear later; an unreadable file and a
        // copy of an earlier image (a duplicate across batches) come with later batches.
        var batches = new List<List<PlanEntry>>
        {
            Timestep(0, fields: [10, 200], bands: [120e6, 140e6]),
            Timestep(1, fields: [10, 200], bands: [120e6, 140e6]).Append(Unreadable("z-bad.fits")).ToList(),
            Timestep(2, fields: [10, 200, 100], bands: [120e6, 140e6, 160e6]),
            Timestep(3, fields: [10], bands: [140e6]).Append(Entry("copy.fits", 3, 10, 140e6, hash: Hash(0, 10, 120e6))).Append(Unreadable("a-bad.fits")).ToList(),
        };
        var growing = new GrowingPlan(Association);
        JobPlan? grown = null;
        foreach (var batch in batches) grown = growing.Extend(batch);
        var whole = JobPlanner.Plan(batches.SelectMany(b => b).ToList(), Association);

        Assert.Equal(Describe(whole.Images), Describe(grown!.Images));
        Assert.Equal(Describe(whole.Unreadable), Describe(grown.Unreadable));
        Assert.Equal(whole.Unreadable.Select(u => u.Header.Rejection!.Explanation), grown.Unreadable.Select(u => u.Header.Rejection!.Explanation));
        Assert.Equal(whole.Timesteps.Select(t => Describe(t)), grown.Timesteps.Select(t => Describe(t)));
        Assert.Equal(whole.Bands, grown.Bands);
        Assert.Equal(whole.Regions, grown.Regions);
        Assert.Equal(3, whole.Unreadable.Count);
        Assert.Contains(whole.Unreadable, u => u.Header.Url == "copy.fits" && u.Header.Rejection!.ReasonId == RejectReason.Duplicate.Id);
    }

    [Fact]
    public void AFieldThatJoinsTwoBucketsIsAChangedPlan()
    {
        var growing = new GrowingPlan(Association);
        growing.Extend(Timestep(0, fields: [10, 50], bands: [120e6]));
        // A field between the two overlaps both: their images would share one bucket in a plan of all images.
        var error = Assert.Throws<PlanChangedException>(() => growing.Extend(Timestep(1, fields: [30], bands: [120e6])));
        Assert.Contains("sky bucket", error.Message);
    }

    [Fact]
    public void AnImageNotLaterThanThePlannedOnesIsRefused()
    {
        var growing = new GrowingPlan(Association);
        growing.Extend(Timestep(1, fields: [10], bands: [120e6]));
        Assert.Throws<InvalidOperationException>(() => growing.Extend(Timestep(1, fields: [10], bands: [140e6])));
    }

    private static List<PlanEntry> Timestep(int t, int[] fields, double[] bands) =>
        fields.SelectMany(ra => bands.Select(f => Entry($"t{t}-ra{ra}-{f / 1e6}.fits", t, ra, f, Hash(t, ra, f)))).ToList();

    private static string Hash(int t, int ra, double f) => $"{t}/{ra}/{f}";

    private static PlanEntry Entry(string url, int t, double ra, double frequencyHz, string hash) =>
        new(url, null, Start.AddSeconds(t), frequencyHz, 1e6, ra, 50, 10, 0.1, hash);

    private static PlanEntry Unreadable(string url) =>
        new(url, ImageQualityControl.Unreadable(url, RejectReason.Unreadable, "not FITS").ToRecord(), DateTime.MinValue,
            double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    private static List<string> Describe(IEnumerable<PlannedImage> images) =>
        images.Select(i => $"{i.ImageId} {i.Timestep} {i.BandId} {i.SkyRegionId} {i.Bucket} {i.Header.Url}").ToList();
}
