using Trap.Pipeline.Scoring;
using Trap.Simulation;
using Xunit.Abstractions;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A dense field at default settings: one pointing of 256² pixels with 500 steady sources, the density of
/// the 2,000-source 512² field of docs/science.md §8.7 (bright sources with neighbours about a beam away),
/// two bands, 12 timesteps, two of each transient kind.
/// </summary>
public sealed class DenseFieldScoreRun() : ScoredSurveyRun("trap-dense-score-", new SurveySpec
{
    Seed = 45,
    Pointings = 1,
    BandFrequenciesHz = SurveySpec.HbaBands(2),
    Timesteps = 12,
    SourcesPerPointing = 500,
    Transients = new TransientCounts(Flares: 2, Fading: 2, NewSources: 2, Variables: 2),
    BadImages = BadImageFractions.None,
});

/// <summary>
/// Issue 14's candidate targets on a dense field (docs/science.md §5.6, §7.5, §8.7). With TraP's matching
/// and single forced fits (`matching = trap`, `joint_forced_fits = false`, the code before them) this field
/// splits two true sources between catalogue sources (docs/science.md §8.7, "Smaller dense fields").
/// </summary>
public class DenseFieldScoreTests(DenseFieldScoreRun run, ITestOutputHelper log) : IClassFixture<DenseFieldScoreRun>
{
    [Fact]
    public void CandidatesArePreciseAndComplete()
    {
        log.WriteLine(ScoreReport.Format(run.Score));
        CandidateTargets.AssertPreciseAndComplete(run.Score, minDetectable: 6);
    }

    [Fact]
    public void EveryInjectedTransientScoresAboveEverySteadySource() => CandidateTargets.AssertTransientsRankFirst(run.Score);

    [Fact]
    public void NoTrueSourceIsSplitBetweenCatalogueSources() => Assert.Equal(0, run.Score.SplitSources);
}
