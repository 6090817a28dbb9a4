using Trap.Pipeline.Scoring;
using Trap.Simulation;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>A generated survey run end to end at default settings and scored against its truth (`trap score`).</summary>
public abstract class ScoredSurveyRun(string prefix, SurveySpec spec) : GeneratedSurveyRun(prefix)
{
    public SurveyScore Score { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await RunAsync(spec);
        Score = await SurveyScorer.ScoreAsync(OutputFolder, Folder);
    }
}

/// <summary>Issue 14's candidate targets at default settings (docs/science.md §8.7).</summary>
internal static class CandidateTargets
{
    /// <summary>Precision and recall ≥ 0.95, over at least <paramref name="minDetectable"/> detectable injected transients.</summary>
    public static void AssertPreciseAndComplete(SurveyScore score, int minDetectable)
    {
        Assert.True(score.Recall.Sum(r => r.Total) >= minDetectable, "too few injected transients were detectable to measure recall");
        Assert.True(score.CandidatePrecision >= 0.95, $"precision {score.CandidatePrecision:F3}");
        Assert.True(score.CandidateRecall >= 0.95, $"recall {score.CandidateRecall:F3}");
    }

    /// <summary>No steady source's candidate scored at or above any injected transient's.</summary>
    public static void AssertTransientsRankFirst(SurveyScore score)
    {
        Assert.True(double.IsNaN(score.MaxSteadyScore) || score.MaxSteadyScore < score.MinTransientScore,
            $"a steady source scored {score.MaxSteadyScore:F3}, an injected transient {score.MinTransientScore:F3}");
    }
}
