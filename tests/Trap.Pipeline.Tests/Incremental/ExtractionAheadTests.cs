using Trap.Pipeline.Configuration;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Streaming;
using Trap.Pipeline.Work;
using Trap.TestSupport;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>
/// `trap stream`'s extraction of arrived images ahead of their batch: what a batch takes from it is
/// what the batch would have extracted itself, and only for the file as it arrived.
/// </summary>
public sealed class ExtractionAheadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-extract-ahead-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnExtractionTakenAndWrittenUnderItsIdIsTheWorkTheBatchWouldHaveWritten()
    {
        var (url, config, context) = await ArrivedImageAsync();
        await using var ahead = new ExtractionAhead(config, workers: 1, bound: 10);

        Assert.True(ahead.Offer(url));
        var taken = ahead.Take(url);

        Assert.NotNull(taken);
        Assert.Equal(1, ahead.Taken);
        var early = new WorkFolder(Directory.CreateDirectory(Path.Combine(_folder, "early")).FullName);
        var summary = (await taken).WriteTo(early, 7, config.Association);
        var batch = new WorkFolder(Directory.CreateDirectory(Path.Combine(_folder, "batch")).FullName);
        new ExtractImageTask().Run(new ImageWork(7, url, batch.Root), context);
        Assert.True(summary.SourceCount > 0, "the image had no sources: the comparison shows nothing");
        foreach (var file in new Func<WorkFolder, string>[] { w => w.Extractions(7), w => w.BackgroundGrid(7), w => w.Summary(7) })
        {
            Assert.Equal(await File.ReadAllBytesAsync(file(batch)), await File.ReadAllBytesAsync(file(early)));
        }
    }

    [Fact]
    public async Task AFileReplacedSinceItArrivedIsLeftToItsBatch()
    {
        var (url, config, _) = await ArrivedImageAsync();
        await using var ahead = new ExtractionAhead(config, workers: 1, bound: 10);
        Assert.True(ahead.Offer(url));

        await File.AppendAllTextAsync(url, new string(' ', 2880));

        Assert.Null(ahead.Take(url));
        Assert.Equal(0, ahead.Taken);
    }

    [Fact]
    public async Task ForgottenOrOverTheBoundAnImageIsLeftToItsBatch()
    {
        var (url, config, _) = await ArrivedImageAsync();
        var other = Path.Combine(Path.GetDirectoryName(url)!, "copy.fits");
        File.Copy(url, other);
        await using var ahead = new ExtractionAhead(config, workers: 1, bound: 1);

        Assert.True(ahead.Offer(url));
        Assert.False(ahead.Offer(other));
        ahead.Forget([url]);

        Assert.Null(ahead.Take(url));
        Assert.True(ahead.Offer(other));
        Assert.NotNull(ahead.Take(other));
    }

    /// <summary>One image of a small survey landed in a job's incoming folder, with the job's configuration.</summary>
    private async Task<(string Url, JobConfig Config, Trap.Engine.JobContext Context)> ArrivedImageAsync()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 15, timesteps: 2, imageSize: 96, sources: 8);
        var url = Path.Combine(streaming.Incoming, "image.fits");
        File.Copy(streaming.ImagesInTimeOrder()[0], url);
        var jobFile = Path.Combine(streaming.Job, JobConfig.FileName);
        var config = JobConfig.Load(jobFile);
        return (url, config, JobRunner.ContextOf(jobFile, config));
    }
}
