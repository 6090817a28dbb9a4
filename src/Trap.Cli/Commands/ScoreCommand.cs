using Trap.Pipeline.Scoring;

namespace Trap.Cli.Commands;

/// <summary>`trap score OUTPUT TRUTH`: a run measured against the ground truth of the `trap simulate` survey it ran on.</summary>
public sealed class ScoreCommand : ICliCommand
{
    public string Name => "score";

    public string Summary => "score a run against a simulated survey's truth (trap score OUTPUT SURVEY_FOLDER)";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, Array.Empty<string>());
        if (parsed.Positionals.Count != 2) throw new CliUsageException("usage: trap score OUTPUT SURVEY_FOLDER (the folder `trap simulate --out` wrote)");
        foreach (var folder in parsed.Positionals)
        {
            if (!Directory.Exists(folder)) throw new CliUsageException($"'{folder}' is not a folder");
        }
        var score = SurveyScorer.ScoreAsync(parsed.Positionals[0], parsed.Positionals[1]).GetAwaiter().GetResult();
        Console.Write(ScoreReport.Format(score));
        return 0;
    }
}
