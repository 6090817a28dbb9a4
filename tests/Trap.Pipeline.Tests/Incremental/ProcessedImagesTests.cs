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
    public void WithNoDatasetYetNothingIsProcessed()
    {
        var processed = ProcessedImages.FromDataset(Path.Combine(_folder, "none"));
        Assert.Equal(0, processed.Count);
        Assert.Null(processed.CommittedUntilUtc);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
