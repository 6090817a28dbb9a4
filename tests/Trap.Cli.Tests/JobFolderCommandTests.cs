using Trap.Pipeline.Configuration;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Cli.Tests;

/// <summary>`trap init` starts a job whose every setting is documented at its default; `trap run --dry-run` shows the plan and writes nothing.</summary>
public sealed class JobFolderCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void InitWritesTheDocumentedTemplateWithDefaultsAndNeverReplacesAJob()
    {
        var job = Path.Combine(_folder, "my-survey");

        var outcome = CommandLine.Trap("init", job);

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        var written = JobConfig.Load(Path.Combine(job, "job.cfg"));
        Assert.Equal("images/**/*.fits", written.Job.Images);
        Assert.Equal("output", written.Job.Output);
        Assert.Equal("my-survey", written.Job.Description);
        var defaults = new JobConfig().Settings().Where(s => s.Section != "job" || s.Key is not ("images" or "output" or "description"));
        foreach (var setting in defaults)
        {
            Assert.Equal(setting.Value, written.Settings().Single(s => s.Section == setting.Section && s.Key == setting.Key).Value);
        }
        Assert.Contains("# Memory budget of one image", File.ReadAllText(Path.Combine(job, "job.cfg")));

        var again = CommandLine.Trap("init", job);
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("does not replace", again.Error);
    }

    [Fact]
    public void DryRunShowsTheMatchedImagesAndThePlanAndWritesNothing()
    {
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 3, Timesteps = 3, Pointings = 1 }), _folder);
        File.WriteAllText(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        var before = Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Order().ToList();

        var outcome = CommandLine.Trap("run", _folder, "--dry-run", "--no-database");

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Matches(@"(\d+) files matched, \d+ with readable headers", outcome.Out);
        Assert.Contains("3 timesteps", outcome.Out);
        Assert.Contains("3 frequency bands", outcome.Out);
        Assert.Contains("Nothing was written", outcome.Out);
        Assert.Equal(before, Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void WebRefusesAFolderThatIsNoDatasetAndAFolderWithADatabase()
    {
        var notDataset = CommandLine.Trap("web", _folder);
        Assert.Equal(ExitCodes.Failed, notDataset.ExitCode);
        Assert.Contains("is not a Trap dataset", notDataset.Error);

        var both = CommandLine.Trap("web", _folder, "--database", "Host=db");
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("not both", both.Error);
    }
}
