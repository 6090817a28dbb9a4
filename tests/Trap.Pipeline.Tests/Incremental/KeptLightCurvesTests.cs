using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Streaming;
using Trap.Science.Candidates;
using Trap.Science.Extraction;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>The stream's kept candidate curves: those of sources selected lately, the others read again when selected again.</summary>
public sealed class KeptLightCurvesTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 7, 7, 8, 0, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateTempSubdirectory("trap-kept-curves-").FullName;

    [Fact]
    public async Task ASourceNotSelectedForMoreThanTheBoundIsForgottenAndReadAgainTheSameWhenSelectedAgain()
    {
        // Sources 1 and 2, each measured in images 0-2 of band 0.
        var images = Enumerable.Range(0, 3).ToDictionary(i => (long)i,
            i => new CandidateImage(i, $"/i/{i}.fits", true, 0, Start.AddSeconds(i), 0.01, 0.001, 64, 64));
        await WriteMeasurementsAsync(_folder, [1, 2], [0, 1, 2]);
        var kept = new KeptLightCurves(new ExtractionConfig(), window: 0, forgetAfterBatches: 2);
        var curves = kept.In(_folder);

        var first = await curves.ForAsync([Selected(1), Selected(2)], images);
        Assert.Equal((2, 2), (kept.ReadFromDataset, kept.Count));
        Assert.Equal(3, first[2].Count);
        // Source 2 left out for 2 batches is kept; for 3, forgotten.
        await curves.ForAsync([Selected(1)], images);
        await curves.ForAsync([Selected(1)], images);
        Assert.Equal(2, kept.Count);
        await curves.ForAsync([Selected(1)], images);
        Assert.Equal(1, kept.Count);

        var again = await curves.ForAsync([Selected(1), Selected(2)], images);
        Assert.Equal((3, 2), (kept.ReadFromDataset, kept.Count));
        Assert.Equal(first[2], again[2]);
        Assert.Equal(first[1], again[1]);
    }

    [Fact]
    public async Task AKeptCurveHoldsTheVariabilityWindowsLastPointsAsTheTablesGiveThem()
    {
        // Source 1 measured in images 0-2, then a batch adds image 3; the window is 2 points.
        var images = Enumerable.Range(0, 4).ToDictionary(i => (long)i,
            i => new CandidateImage(i, $"/i/{i}.fits", true, 0, Start.AddSeconds(i), 0.01, 0.001, 64, 64));
        await WriteMeasurementsAsync(_folder, [1], [0, 1, 2]);
        var batch = Directory.CreateDirectory(Path.Combine(_folder, "batch")).FullName;
        await WriteMeasurementsAsync(batch, [1], [3]);
        var kept = new KeptLightCurves(new ExtractionConfig(), window: 2);

        var first = await kept.In(_folder).ForAsync([Selected(1)], images);
        Assert.Equal([1L, 2L], first[1].Select(p => p.ImageId));
        await kept.AddBatchAsync(ParquetTableReader.Parts(batch, DatasetTables.Associations), ParquetTableReader.Parts(batch, DatasetTables.ExtractedSources), images);
        Assert.Equal(2, kept.Points);

        // What the tables with the batch's rows give (a run's candidate stage reads the same window).
        var all = Directory.CreateDirectory(Path.Combine(_folder, "all")).FullName;
        await WriteMeasurementsAsync(all, [1], [0, 1, 2, 3]);
        var read = await new DatasetLightCurves(all, new ExtractionConfig(), window: 2).ForAsync([Selected(1)], images);
        var carried = await kept.In(_folder).ForAsync([Selected(1)], images);
        Assert.Equal([2L, 3L], carried[1].Select(p => p.ImageId));
        Assert.Equal(read[1], carried[1]);
        Assert.Equal(1, kept.ReadFromDataset);
    }

    /// <summary>Each source measured in each image of band 0 (its flux rising by a tenth per image), as the two tables hold it.</summary>
    private static async Task WriteMeasurementsAsync(string folder, long[] runcats, long[] imageIds)
    {
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.Associations, runcats.SelectMany(runcat => imageIds.Select(image => new AssociationRow
        {
            RuncatId = runcat, SourceId = runcat * 10 + image, ImageId = image, BandId = 0, TimeUtc = Start.AddSeconds(image), Type = 3,
            FIntJy = runcat + image / 10.0, FIntErrJy = 0.01, FPeakJy = runcat, FPeakErrJy = 0.01,
        })));
        await DatasetWriter.WriteTableAsync(folder, DatasetTables.ExtractedSources,
            runcats.SelectMany(runcat => imageIds.Select(image => new ExtractedSourceRow { SourceId = runcat * 10 + image, ImageId = image, XPix = 30, YPix = 30 })));
    }

    private static BandSelection Selected(long runcat) => new(new BandMetrics(runcat, 0, 3, 0.5, 10, null, null, null), SelectionReasons.Cuts, 5, 5);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
