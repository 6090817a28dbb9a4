using Trap.Pipeline.Stages;
using Trap.Pipeline.Streaming;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>
/// The stream's committed images for the candidate stage: given back exactly, in a memory that does not grow
/// with them (the older blocks in a file of the work folder, started afresh by each state).
/// </summary>
public sealed class CommittedImagesTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 7, 7, 8, 0, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateTempSubdirectory("trap-committed-images-").FullName;

    private string SpillFile => Path.Combine(_folder, "stream-images.blocks");

    [Fact]
    public void TwoHundredThousandImagesComeBackAsTheyWereAddedWithAtMostOneByteEachInMemory()
    {
        var added = AartfaacImages(200_000);
        using var images = new CommittedImages(SpillFile);
        foreach (var image in added) images.Add(image);

        Assert.Equal(added.Count, images.Count);
        Assert.Equal(added, images.Values);
        // Spilled, kept in memory, and in the open block; then again, from the cache; and far apart, each a read.
        foreach (var id in new[] { 0, 63, 64, 12_345, 199_000, 199_999, 12_345, 0 }.Concat(Enumerable.Range(0, 100).Select(i => i * 1999)))
        {
            Assert.Equal(added[id], images[id]);
        }
        Assert.True(images.RetainedBytes <= added.Count, $"{images.RetainedBytes} bytes in memory for {added.Count} images");
        // The coding is as compact on disk as it was in memory (at most 44 bytes an image when the beam differs in each).
        Assert.InRange(new FileInfo(SpillFile).Length / (double)added.Count, 16, 44);
        Assert.False(images.ContainsKey(200_000));
        Assert.Throws<KeyNotFoundException>(() => images[-1]);
    }

    [Fact]
    public void ASpillFileAnEarlierStateLeftIsReplacedNotRead()
    {
        // A killed stream's file, or the state's before a rebuild: as long as the history, and not this state's.
        File.WriteAllBytes(SpillFile, Enumerable.Repeat((byte)0xFF, 1 << 20).ToArray());
        var added = AartfaacImages(3_000);
        using var images = new CommittedImages(SpillFile);
        foreach (var image in added) images.Add(image);

        var written = File.ReadAllBytes(SpillFile);
        Assert.InRange(written.Length, 1, 3_000 * 44);
        Assert.DoesNotContain(written.Take(8), b => b == 0xFF);
        Assert.Equal(added, images.Values);
        Assert.Equal(added[5], images[5]);
    }

    [Fact]
    public void ANewDatasetsImagesStayInMemoryUntilItsWorkFolderExistsThenGoToTheFile()
    {
        // A new dataset's first batch works in its staging folder: the dataset's work folder comes with its commit.
        var work = Path.Combine(_folder, "dataset", "_work");
        var spill = Path.Combine(work, "stream-images.blocks");
        var added = AartfaacImages(4_000);
        using var images = new CommittedImages(spill);
        foreach (var image in added.Take(2_000)) images.Add(image);
        Assert.False(Directory.Exists(work));
        var before = images.RetainedBytes;

        Directory.CreateDirectory(work);
        foreach (var image in added.Skip(2_000)) images.Add(image);

        Assert.True(File.Exists(spill));
        Assert.True(images.RetainedBytes < before, $"{images.RetainedBytes} bytes in memory after the folder came, {before} before");
        Assert.Equal(added, images.Values);
    }

    [Fact]
    public void AFileThatCannotBeWrittenFailsTheAddWithAClearErrorAndLosesNoImage()
    {
        // What a full disk does to the write, here by a folder where the file must go.
        Directory.CreateDirectory(SpillFile);
        var added = AartfaacImages(3_000);
        using var images = new CommittedImages(SpillFile);
        const int firstSpill = (FrontCodedBlocks.KeptBlocks + 1) * 64;
        foreach (var image in added.Take(firstSpill - 1)) images.Add(image);

        var error = Assert.Throws<IOException>(() => images.Add(added[firstSpill - 1]));
        Assert.Contains("is the disk full?", error.Message);
        Assert.Contains(SpillFile, error.Message);
        Assert.Equal(added.Take(firstSpill), images.Values);

        Directory.Delete(SpillFile);
        foreach (var image in added.Skip(firstSpill)) images.Add(image);
        Assert.True(File.Exists(SpillFile));
        Assert.Equal(added, images.Values);
    }

    [Fact]
    public void AWorkFolderMovedByEachCommitStillServesAndTakesTheImages()
    {
        // A batch's commit moves the dataset's work folder into the staging, which then replaces the dataset (AppendStaging.Commit).
        var (dataset, staging) = (Path.Combine(_folder, "dataset"), Path.Combine(_folder, "dataset.partial"));
        var spill = Path.Combine(dataset, "_work", "stream-images.blocks");
        Directory.CreateDirectory(Path.Combine(dataset, "_work"));
        var added = AartfaacImages(6_000);
        using var images = new CommittedImages(spill);
        for (var batch = 0; batch < 3; batch++)
        {
            foreach (var image in added.Skip(batch * 2_000).Take(2_000)) images.Add(image);
            Directory.CreateDirectory(staging);
            Directory.Move(Path.Combine(dataset, "_work"), Path.Combine(staging, "_work"));
            Directory.Move(dataset, dataset + ".old");
            Directory.Move(staging, dataset);
            Directory.Delete(dataset + ".old", recursive: true);
            Assert.Equal(added[batch * 1_000], images[batch * 1_000]);
        }

        Assert.Equal(added, images.Values);
        Assert.InRange(new FileInfo(spill).Length, 6_000 * 16, 6_000 * 44);
    }

    [Fact]
    public void AClosedStateNoLongerReadsItsSpilledImages()
    {
        var images = new CommittedImages(SpillFile);
        foreach (var image in AartfaacImages(2_000)) images.Add(image);
        images.Dispose();

        Assert.Throws<ObjectDisposedException>(() => images[0]);
        Assert.Equal(1_999, images[1_999].ImageId);
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
        // Many of them, so that they are read back from the file too.
        using var images = new CommittedImages(SpillFile);
        for (var i = 0; i < 3_000; i++) images.Add(added[i % 3] with { ImageId = i });

        Assert.True(File.Exists(SpillFile));
        foreach (var id in new[] { 0, 1, 2, 2_998, 2_999 })
        {
            Assert.Equal(added[id % 3] with { ImageId = id }, images[id]);
        }
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(images[1].DeltayDeg!.Value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(images[2].RbSmajDeg!.Value));
        Assert.True(double.IsNaN(images[1].RbSmajDeg!.Value));
        Assert.Equal(DateTimeKind.Unspecified, images[1].StartUtc!.Value.Kind);
        Assert.Throws<ArgumentException>(() => images.Add(added[0] with { ImageId = 7 }));
    }

    /// <summary>
    /// As the AARTFAAC receiver names them: 8 subbands a timestep, 6 timesteps a second, numbered as they arrive; a beam
    /// that differs in every image (the least compact case: the same beam per band takes about 10 bytes less).
    /// </summary>
    private static List<CandidateImage> AartfaacImages(int count) =>
        Enumerable.Range(0, count).Select(i => new CandidateImage(i,
            $"/data/aartfaac/job/incoming/10.144.6.{i % 8}_4100_{Start.AddMilliseconds(i / 8 * 166):yyyyMMddTHHmmssfff}_{i:D8}.fits",
            Accepted: i % 97 != 0, BandId: i % 8, Start.AddMilliseconds(i / 8 * 166), RbSmajDeg: 0.4 + (i % 8) * 0.01 + i * 1e-9,
            DeltayDeg: 0.0625, WidthPx: 1024, HeightPx: 1024)).ToList();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
