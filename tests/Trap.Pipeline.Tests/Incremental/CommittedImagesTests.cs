using Trap.Pipeline.Stages;
using Trap.Pipeline.Streaming;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>The stream's committed images for the candidate stage: given back exactly, at a few tens of bytes each however many.</summary>
public sealed class CommittedImagesTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 7, 8, 0, DateTimeKind.Utc);

    [Fact]
    public void TwentyThousandImagesComeBackAsTheyWereAddedAtAtMost44BytesEach()
    {
        // As the AARTFAAC receiver names them: 8 subbands a timestep, 6 timesteps a second, numbered as they arrive; a beam
        // that differs in every image (the least compact case: the same beam per band takes about 10 bytes less).
        var added = Enumerable.Range(0, 20_000).Select(i => new CandidateImage(i,
            $"/data/aartfaac/job/incoming/10.144.6.{i % 8}_4100_{Start.AddMilliseconds(i / 8 * 166):yyyyMMddTHHmmssfff}_{i:D8}.fits",
            Accepted: i % 97 != 0, BandId: i % 8, Start.AddMilliseconds(i / 8 * 166), RbSmajDeg: 0.4 + (i % 8) * 0.01 + i * 1e-9,
            DeltayDeg: 0.0625, WidthPx: 1024, HeightPx: 1024)).ToList();
        var images = new CommittedImages();
        foreach (var image in added) images.Add(image);

        Assert.Equal(added.Count, images.Count);
        Assert.Equal(added, images.Values);
        Assert.Equal(added[12_345], images[12_345]);
        Assert.InRange(images.RetainedBytes / (double)added.Count, 16, 44);
        Assert.False(images.ContainsKey(20_000));
        Assert.Throws<KeyNotFoundException>(() => images[-1]);
    }

    [Fact]
    public void NullsNaNAndNegativeZeroComeBackBitForBit()
    {
        var added = new[]
        {
            new CandidateImage(0, "/a/é-0.fits", false, null, null, null, null, null, null),
            new CandidateImage(1, "/a/é-1.fits", true, 3, DateTime.SpecifyKind(Start, DateTimeKind.Unspecified), double.NaN, -0.0, 64, 32),
            new CandidateImage(2, "/b/2.fits", true, 3, Start, -0.0, 0.0, 64, 32),
        };
        var images = new CommittedImages();
        foreach (var image in added) images.Add(image);

        Assert.Equal(added, images.Values);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(images[1].DeltayDeg!.Value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(images[2].RbSmajDeg!.Value));
        Assert.Equal(DateTimeKind.Unspecified, images[1].StartUtc!.Value.Kind);
        Assert.Throws<ArgumentException>(() => images.Add(added[0] with { ImageId = 7 }));
    }
}
