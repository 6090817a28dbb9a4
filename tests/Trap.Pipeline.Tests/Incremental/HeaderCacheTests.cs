using Trap.Engine;
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

    private async Task<string> RunAsync(bool append)
    {
        var log = new StringWriter();
        await using var engine = new LocalEngine(1);
        await new JobRunner(engine, new ProgressReporter(log, terminal: false, TimeSpan.MaxValue)).RunAsync(_folder, append: append);
        return log.ToString();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
