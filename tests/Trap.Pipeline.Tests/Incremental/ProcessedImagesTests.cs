using Trap.Pipeline.Output;
using Trap.Pipeline.Output.Rows;
using Trap.Pipeline.Streaming;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>The stream's in-memory set of processed images: seeded from the dataset once, then kept by the stream.</summary>
public sealed class ProcessedImagesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-processed-").FullName;

    [Fact]
    public async Task ASetIsSeededFromEveryPartOfTheImagesTableAndGrowsWithWhatTheStreamAdds()
    {
        await DatasetWriter.WriteTableAsync(_folder, DatasetTables.Images, new[] { new ImageRow { ImageId = 1, Url = "/a/1.fits" } });
        await ParquetTableWriter<ImageRow>.WriteFileAsync(ParquetTableWriter<ImageRow>.PartPath(_folder, DatasetTables.Images, 1),
            new[] { new ImageRow { ImageId = 2, Url = "/a/2.fits" } });

        var processed = ProcessedImages.FromDataset(_folder);
        Assert.Equal(2, processed.Count);
        Assert.True(processed.Contains("/a/1.fits") && processed.Contains("/a/2.fits"));
        Assert.False(processed.Contains("/a/3.fits"));

        processed.Add(new[] { "/a/3.fits", "/a/1.fits" });
        Assert.Equal(3, processed.Count);
        Assert.True(processed.Contains("/a/3.fits"));
    }

    [Fact]
    public void WithNoDatasetYetNothingIsProcessed() =>
        Assert.Equal(0, ProcessedImages.FromDataset(Path.Combine(_folder, "none")).Count);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
