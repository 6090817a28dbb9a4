using Trap.Cli.Reports;
using Trap.Dataset.Rows;
using Trap.Simulation;
using Trap.Simulation.Output;
using Trap.Simulation.Sky;

namespace Trap.Cli.Tests;

/// <summary>A run ends with its report (counts per stage, rejections by reason, top candidates); the demo scores itself against its truth.</summary>
public sealed class RunReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ARunEndsWithItsReport()
    {
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 11 }), _folder);
        File.WriteAllText(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");

        var outcome = CommandLine.Trap("run", _folder, "--no-database");

        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Contains("Run report", outcome.Out);
        Assert.Matches(@"images\s+60\s+\(\d+ accepted, \d+ rejected\)", outcome.Out);
        Assert.Contains("rejected images by reason", outcome.Out);
        Assert.Contains("missing_time: e.g.", outcome.Out);
        Assert.Matches(@"top candidates \(of \d+, best score first\)", outcome.Out);
        Assert.Contains("trap web " + Path.Combine(_folder, "output"), outcome.Out);
        Assert.Contains("/datasets/" + Uri.EscapeDataString(Path.GetFileName(_folder)) + "/candidates", outcome.Out);
    }

    [Fact]
    public void TheDemoScoreCountsInjectedSourcesFoundAndMissed()
    {
        var survey = new Survey(new SurveySpec());
        var injected = survey.Sources.Where(s => s.Kind != SourceKind.Steady).ToList();
        var candidates = new List<CandidateRow>
        {
            // One injected source found (a few arcsec off), and one candidate far from every injected source.
            new() { RuncatId = 1, Class = "flare", Score = 0.9, RaDeg = injected[0].Position.RaDeg, DecDeg = injected[0].Position.DecDeg + 3.0 / 3600 },
            new() { RuncatId = 2, Class = "artefact", Score = 0.6, RaDeg = injected[0].Position.RaDeg, DecDeg = injected[0].Position.DecDeg + 1.0 },
        };
        var (stdout, written) = (Console.Out, new StringWriter());
        Console.SetOut(written);
        try
        {
            DemoScore.Print(survey, candidates);
        }
        finally
        {
            Console.SetOut(stdout);
        }

        Assert.Contains($"found 1 of {injected.Count} injected transients and variables; 1 other candidates (1 artefact)", written.ToString());
        Assert.Equal(injected.Count - 1, written.ToString().Split('\n').Count(l => l.TrimStart().StartsWith("MISSED", StringComparison.Ordinal)));
    }
}
