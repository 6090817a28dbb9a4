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
        // Each batch's plan holds its own images; the copy's kept image was planned by an earlier batch.
        var images = new List<PlannedImage>();
        var timesteps = new List<IReadOnlyList<PlannedImage>>();
        var growing = new GrowingPlan(Association, id => images.Single(i => i.ImageId == id).Header.Url);
        JobPlan? grown = null;
        foreach (var batch in batches)
        {
            grown = growing.Extend(batch);
            images.AddRange(grown.Images);
            timesteps.AddRange(grown.Timesteps);
        }
        var whole = JobPlanner.Plan(batches.SelectMany(b => b).ToList(), Association);

        Assert.Equal(Describe(whole.Images), Describe(images));
        Assert.Equal(whole.Images.Count, growing.Count);
        Assert.Equal(Describe(whole.Unreadable), Describe(grown!.Unreadable));
        Assert.Equal(whole.Unreadable.Select(u => u.Header.Rejection!.Explanation), grown.Unreadable.Select(u => u.Header.Rejection!.Explanation));
        Assert.Equal(whole.Timesteps.Select(t => Describe(t)), timesteps.Select(t => Describe(t)));
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

    [Fact]
    public void ACopyUnderAnotherPathOfAnImagePlannedAThousandImagesEarlierIsRefused()
    {
        var asked = new List<long>();
        var growing = new GrowingPlan(Association, id =>
        {
            asked.Add(id);
            return Fingerprinted(id).Url;
        });
        for (var t = 0; t < 1000; t++) growing.Extend([Fingerprinted(t)]);

        // Image 3's bytes again, under another path and at a later time: the plan keeps no path of its own, so it asks for the kept image's.
        var copy = Fingerprinted(3) with { Url = "/elsewhere/copy.fits", StartUtc = Start.AddSeconds(1000) };
        var plan = growing.Extend([copy, Fingerprinted(1000)]);

        Assert.Equal([1000L], plan.Images.Select(i => i.ImageId));
        var refused = Assert.Single(plan.Unreadable);
        Assert.Equal((1001L, "/elsewhere/copy.fits", RejectReason.Duplicate.Id), (refused.ImageId, refused.Header.Url, refused.Header.Rejection!.ReasonId));
        Assert.StartsWith($"duplicate of image 3 ({Fingerprinted(3).Url}): /elsewhere/copy.fits has the same content", refused.Header.Rejection.Explanation);
        Assert.Equal([3L], asked);
    }

    [Fact]
    public void APlanOf20000ImagesKeepsAtMost30BytesPerImage()
    {
        // What the plan keeps per image is its fingerprint and id in a Hash128Index; records, paths and headers go with each batch's plan.
        var growing = new GrowingPlan(Association);
        const int images = 20_000;
        for (var t = 0; t < images / 8; t++) growing.Extend(Enumerable.Range(0, 8).Select(b => Fingerprinted(t * 8 + b) with { StartUtc = Start.AddSeconds(t), FrequencyHz = 120e6 + b * 2e6 }).ToList());

        Assert.Equal(images, growing.Count);
        Assert.InRange(growing.RetainedBytes / (double)images, 20, 30);
    }

    /// <summary>Image <paramref name="n"/> of a one-image-per-timestep field, with a fingerprint as <see cref="ImageFingerprint"/> gives it (32 hex digits).</summary>
    private static PlanEntry Fingerprinted(long n) =>
        new($"/incoming/image-{n:D5}.fits", null, Start.AddSeconds(n), 120e6, 1e6, 10, 50, 10, 0.1, $"{n * 7919 + 1:X16}{~n:X16}");

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
