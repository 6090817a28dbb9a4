using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;
using Trap.Pipeline.Streaming;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>The stream's in-memory set of processed images: seeded from the dataset once, then kept by the stream.</summary>
public sealed class ProcessedImagesTests : IDisposable
{
    private static readonly DateTime Noon = new(2024, 9, 22, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateTempSubdirectory("trap-processed-").FullName;

    [Fact]
    public async Task ASetIsSeededFromEveryPartOfTheImagesTableAndGrowsWithWhatTheStreamAdds()
    {
        await DatasetWriter.WriteTableAsync(_folder, DatasetTables.Images, new[] { new ImageRow { ImageId = 1, Url = "/a/1.fits", StartUtc = Noon } });
        await ParquetTableWriter<ImageRow>.WriteFileAsync(ParquetTableWriter<ImageRow>.PartPath(_folder, DatasetTables.Images, 1),
            new[] { new ImageRow { ImageId = 2, Url = "/a/2.fits", StartUtc = Noon.AddMinutes(1) }, new ImageRow { ImageId = 3, Url = "/a/bad.fits" } });

        var processed = ProcessedImages.FromDataset(_folder);
        Assert.Equal(3, processed.Count);
        Assert.True(processed.Contains("/a/1.fits") && processed.Contains("/a/2.fits") && processed.Contains("/a/bad.fits"));
        Assert.False(processed.Contains("/a/3.fits"));
        Assert.Equal(Noon.AddMinutes(1), processed.CommittedUntilUtc);

        processed.Add(new[] { "/a/3.fits", "/a/1.fits" }, Noon.AddMinutes(2));
        Assert.Equal(4, processed.Count);
        Assert.True(processed.Contains("/a/3.fits"));
        Assert.Equal(Noon.AddMinutes(2), processed.CommittedUntilUtc);

        // A batch that took a late image of an earlier timestep leaves the newest committed time as it was.
        processed.Add(new[] { "/a/late.fits" }, Noon);
        Assert.Equal(Noon.AddMinutes(2), processed.CommittedUntilUtc);
    }

    [Fact]
    public void TwentyThousandPathsTakeAtMost20BytesEachAndStayExact()
    {
        var processed = ProcessedImages.FromDataset(Path.Combine(_folder, "none"));
        const int images = 20_000;
        for (var batch = 0; batch < images / 8; batch++)
            processed.Add(Enumerable.Range(batch * 8, 8).Select(i => $"/data/incoming/feed-1/image-{i:D6}.fits"), Noon.AddSeconds(batch));

        Assert.Equal(images, processed.Count);
        Assert.InRange(processed.RetainedBytes / (double)images, 16, 20);
        Assert.True(processed.Contains("/data/incoming/feed-1/image-000000.fits") && processed.Contains("/data/incoming/feed-1/image-019999.fits"));
        Assert.False(processed.Contains("/data/incoming/feed-1/image-020000.fits"));
        Assert.False(processed.Contains("/data/incoming/feed-2/image-000000.fits"));
    }

    [Fact]
    public void AFeedWhoseCommittedFilesAreRemovedKeepsASetAsBigAsItsFolderAndAPathThatComesBackIsNew()
    {
        // The AARTFAAC receiver's incoming folder after cleanup: of 20,000 committed images only the last 100 are
        // still there when a poll lists the folder, with the 8 of the timestep that has just arrived.
        var processed = ProcessedImages.FromDataset(Path.Combine(_folder, "none"));
        const int images = 20_000, left = 100;
        var largest = 0;
        for (var batch = 0; batch < images / 8; batch++)
        {
            var arrived = Enumerable.Range(batch * 8, 8).Select(Received).ToList();
            var listing = Enumerable.Range(Math.Max(0, batch * 8 - left), Math.Min(batch * 8, left)).Select(Received).Concat(arrived).ToList();
            Assert.Equal(arrived, processed.NotCommitted(listing));
            processed.Add(arrived, Noon.AddSeconds(batch));
            largest = Math.Max(largest, processed.Count);
        }

        Assert.InRange(largest, left, 2 * left + 300);
        Assert.True(Enumerable.Range(images - left, left).All(i => processed.Contains(Received(i))));
        // A removed image's path that comes back is not skipped: the stream reads its header as a new arrival's.
        var back = new List<string> { Received(0), Received(images - 1) };
        Assert.Equal([Received(0)], processed.NotCommitted(back));
        Assert.Equal(Noon.AddSeconds(images / 8 - 1), processed.CommittedUntilUtc);
    }

    [Fact]
    public void AFeedThatKeepsItsFilesForgetsNoneOfThem()
    {
        var processed = ProcessedImages.FromDataset(Path.Combine(_folder, "none"));
        var committed = Enumerable.Range(0, 5_000).Select(Received).ToList();
        processed.Add(committed, Noon);
        var listing = committed.Append(Received(5_000)).ToList();

        for (var poll = 0; poll < 3; poll++) Assert.Equal([Received(5_000)], processed.NotCommitted(listing));
        Assert.Equal(5_000, processed.Count);
        // One listing missing most of them (files being removed) forgets those, and only those.
        Assert.Empty(processed.NotCommitted(committed[4_000..]));
        Assert.Equal(1_000, processed.Count);
        Assert.Equal(committed[..4_000], processed.NotCommitted(committed[..4_000]));
    }

    private static string Received(int i) => $"/data/incoming/10.144.6.{i % 8}_4100_{i:D8}.fits";

    [Fact]
    public void WithNoDatasetYetNothingIsProcessed()
    {
        var processed = ProcessedImages.FromDataset(Path.Combine(_folder, "none"));
        Assert.Equal(0, processed.Count);
        Assert.Null(processed.CommittedUntilUtc);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
