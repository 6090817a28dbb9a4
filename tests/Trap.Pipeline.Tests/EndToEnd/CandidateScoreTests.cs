using Trap.Pipeline.Scoring;
using Trap.Simulation;
using Xunit.Abstractions;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A small two-band survey of both default pointings (across RA 0/360 and at the pole) with two of
/// each transient kind per pointing, run at default settings and scored against its truth.
/// </summary>
public sealed class CandidateScoreRun() : GeneratedSurveyRun("trap-candidate-score-")
{
    public SurveyScore Score { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await RunAsync(new SurveySpec
        {
            Seed = 41,
            BandFrequenciesHz = SurveySpec.HbaBands(2),
            Timesteps = 10,
            SourcesPerPointing = 100,
            Transients = new TransientCounts(Flares: 2, Fading: 2, NewSources: 2, Variables: 2),
            BadImages = BadImageFractions.None,
        });
        Score = await SurveyScorer.ScoreAsync(OutputFolder, Folder);
    }
}

/// <summary>The candidate targets of issue 14 at default settings (docs/science.md, "Candidate score").</summary>
public class CandidateScoreTests(CandidateScoreRun run, ITestOutputHelper log) : IClassFixture<CandidateScoreRun>
{
    [Fact]
    public void CandidatesArePreciseAndComplete()
    {
        log.WriteLine(ScoreReport.Format(run.Score));
        Assert.True(run.Score.Recall.Sum(r => r.Total) >= 12, "too few injected transients were detectable to measure recall");
        Assert.True(run.Score.CandidatePrecision >= 0.95, $"precision {run.Score.CandidatePrecision:F3}");
        Assert.True(run.Score.CandidateRecall >= 0.95, $"recall {run.Score.CandidateRecall:F3}");
    }

    [Fact]
    public void EveryInjectedTransientScoresAboveEverySteadySource()
    {
        Assert.True(double.IsNaN(run.Score.MaxSteadyScore) || run.Score.MaxSteadyScore < run.Score.MinTransientScore,
            $"a steady source scored {run.Score.MaxSteadyScore:F3}, an injected transient {run.Score.MinTransientScore:F3}");
    }
}
