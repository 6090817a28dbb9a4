using Trap.Engine;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Work;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>
/// An appended run (and so every batch of `trap stream`) reads the header and fingerprint of an image
/// only when its file is new or changed since the run before: a stream's planning must not grow with
/// its history.
/// </summary>
public sealed class HeaderCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-headers-").FullName;

    [Fact]
    public async Task AnAppendedRunReadsOnlyTheHeadersOfNewOrChangedFiles()
    {
        SurveyWriter.Write(new Survey(new SurveySpec
        {
            Seed = 12, Pointings = 1, BandFrequenciesHz = SurveySpec.HbaBands(1), Timesteps = 4, ImageSize = 96,
            SourcesPerPointing = 8, BadImages = BadImageFractions.None,
        }), _folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        var files = Directory.GetFiles(Path.Combine(_folder, "images"), "*.fits", SearchOption.AllDirectories);
        Assert.Equal(4, files.Length);

        Assert.Contains("reading 4 headers", await RunAsync(append: false));
        Assert.Contains("reading 0 headers (4 unchanged since the earlier run)", await RunAsync(append: true));
        File.SetLastWriteTimeUtc(files[0], DateTime.UtcNow.AddMinutes(1));
        Assert.Contains("reading 1 headers (3 unchanged since the earlier run)", await RunAsync(append: true));
        // A run without --append trusts nothing.
        Assert.Contains("reading 4 headers", await RunAsync(append: false));
    }

    [Fact]
    public void AStreamExtendsTheCacheAndManifestBatchByBatchAndAnotherConfigurationStartsThemAnew()
    {
        var work = new WorkFolder(Path.Combine(_folder, "_work"));
        var entries = Enumerable.Range(0, 5).Select(i =>
        {
            var path = Path.Combine(_folder, $"image-{i}.fits");
            File.WriteAllText(path, $"image {i}");
            return new PlannedImage(i, i, 0, 0, 0, new PlanEntry(path, null, DateTime.UnixEpoch.AddSeconds(i), 120e6, 1e6, 10, 50, 1, 0.1, $"hash-{i}"));
        }).ToList();

        foreach (var batch in entries.Chunk(2))
        {
            WorkManifest.Append(work, "config", batch);
            HeaderCache.Append(work, WorkManifest.HashOf("config"), batch.Select(i => i.Header));
        }
        // Appended again (a restarted stream), an image counts once.
        HeaderCache.Append(work, WorkManifest.HashOf("config"), entries.Take(1).Select(i => i.Header));

        var cache = HeaderCache.Open(work, WorkManifest.HashOf("config"));
        Assert.All(entries, i => Assert.Equal(i.Header, cache.Find(i.Header.Url)));
        Assert.Equal(WorkManifest.For(new JobPlan(entries, [], [], [], []), "config"), WorkManifest.Read(work), new ManifestComparer());

        WorkManifest.Append(work, "another config", entries.Skip(4));
        HeaderCache.Append(work, WorkManifest.HashOf("another config"), entries.Skip(4).Select(i => i.Header));
        Assert.Equal([4L], WorkManifest.Read(work)!.Images.Select(i => i.ImageId));
        Assert.Null(HeaderCache.Open(work, WorkManifest.HashOf("config")).Find(entries[0].Header.Url));
        Assert.NotNull(HeaderCache.Open(work, WorkManifest.HashOf("another config")).Find(entries[4].Header.Url));
    }

    private sealed class ManifestComparer : IEqualityComparer<WorkManifest?>
    {
        public bool Equals(WorkManifest? a, WorkManifest? b) => a is not null && b is not null && a.ConfigHash == b.ConfigHash && a.Images.SequenceEqual(b.Images);

        public int GetHashCode(WorkManifest? m) => 0;
    }

    private async Task<string> RunAsync(bool append)
    {
        var log = new StringWriter();
        await using var engine = new LocalEngine(1);
        await new JobRunner(engine, new ProgressReporter(log, terminal: false, TimeSpan.MaxValue)).RunAsync(_folder, append: append);
        return log.ToString();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
