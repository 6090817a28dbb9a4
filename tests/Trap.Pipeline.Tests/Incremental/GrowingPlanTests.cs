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
        // copy of an image of its own batch (the same bytes, so the same start) come with later batches.
        var batches = new List<List<PlanEntry>>
        {
            Timestep(0, fields: [10, 200], bands: [120e6, 140e6]),
            Timestep(1, fields: [10, 200], bands: [120e6, 140e6]).Append(Unreadable("z-bad.fits")).ToList(),
            Timestep(2, fields: [10, 200, 100], bands: [120e6, 140e6, 160e6]),
            Timestep(3, fields: [10], bands: [140e6]).Append(Entry("u-copy.fits", 3, 10, 140e6, hash: Hash(3, 10, 140e6))).Append(Unreadable("a-bad.fits")).ToList(),
        };
        // Each batch's plan holds its own images.
        var images = new List<PlannedImage>();
        var timesteps = new List<IReadOnlyList<PlannedImage>>();
        var growing = new GrowingPlan(Association);
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
        Assert.Contains(whole.Unreadable, u => u.Header.Url == "u-copy.fits" && u.Header.Rejection!.ReasonId == RejectReason.Duplicate.Id);
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
        var growing = new GrowingPlan(Association);
        for (var t = 0; t < 1000; t++) growing.Extend([Fingerprinted(t)]);

        // Image 3's bytes again under another path: its header too, so its start time. Planned after the others, it is refused
        // (the stream makes its batch a full appended run: docs/streaming.md); planned with them, it is a duplicate of image 3.
        var copy = Fingerprinted(3) with { Url = "/spare/copy.fits" };
        var refused = Assert.Throws<InvalidOperationException>(() => growing.Extend([copy, Fingerprinted(1000)]));
        Assert.Contains("/spare/copy.fits", refused.Message);
        var whole = JobPlanner.Plan(Enumerable.Range(0, 1001).Select(n => Fingerprinted(n)).Append(copy).ToList(), Association);
        var duplicate = Assert.Single(whole.Unreadable);
        Assert.Equal((1001L, "/spare/copy.fits", RejectReason.Duplicate.Id), (duplicate.ImageId, duplicate.Header.Url, duplicate.Header.Rejection!.ReasonId));
        Assert.StartsWith($"duplicate of image 3 ({Fingerprinted(3).Url}): /spare/copy.fits has the same content", duplicate.Header.Rejection.Explanation);
    }

    [Fact]
    public void APlanOf20000ImagesHoldsNothingPerImage()
    {
        // Records, paths and headers go with each batch's plan: what the plan holds (its collections, however deep) is per band and region.
        var growing = new GrowingPlan(Association);
        const int images = 20_000;
        for (var t = 0; t < images / 8; t++) growing.Extend(Enumerable.Range(0, 8).Select(b => Fingerprinted(t * 8 + b) with { StartUtc = Start.AddSeconds(t), FrequencyHz = 120e6 + b * 2e6 }).ToList());

        Assert.Equal(images, growing.Count);
        Assert.InRange(ItemsHeld(growing, new HashSet<object>(ReferenceEqualityComparer.Instance)), 8, 32);
    }

    /// <summary>The items of every collection <paramref name="value"/> holds, through its fields and items of this project's types.</summary>
    private static int ItemsHeld(object? value, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || !seen.Add(value)) return 0;
        if (value is System.Collections.IEnumerable items)
            return items.Cast<object?>().Sum(item => 1 + ItemsHeld(item, seen));
        if (value.GetType().Namespace?.StartsWith("Trap.", StringComparison.Ordinal) != true) return 0;
        return value.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Sum(f => ItemsHeld(f.GetValue(value), seen));
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
