using Trap.Pipeline.Scoring;
using Trap.Simulation;
using Xunit.Abstractions;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A small two-band survey of both default pointings (across RA 0/360 and at the pole) with two of
/// each transient kind per pointing, run at default settings and scored against its truth.
/// </summary>
public sealed class CandidateScoreRun() : ScoredSurveyRun("trap-candidate-score-", new SurveySpec
{
    Seed = 41,
    BandFrequenciesHz = SurveySpec.HbaBands(2),
    Timesteps = 10,
    SourcesPerPointing = 100,
    Transients = new TransientCounts(Flares: 2, Fading: 2, NewSources: 2, Variables: 2),
    BadImages = BadImageFractions.None,
});

/// <summary>The candidate targets of issue 14 at default settings (docs/science.md, "Candidate score").</summary>
public class CandidateScoreTests(CandidateScoreRun run, ITestOutputHelper log) : IClassFixture<CandidateScoreRun>
{
    [Fact]
    public void CandidatesArePreciseAndComplete()
    {
        log.WriteLine(ScoreReport.Format(run.Score));
        CandidateTargets.AssertPreciseAndComplete(run.Score, minDetectable: 12);
    }

    [Fact]
    public void EveryInjectedTransientScoresAboveEverySteadySource() => CandidateTargets.AssertTransientsRankFirst(run.Score);
}
