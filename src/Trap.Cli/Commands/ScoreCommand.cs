using System.CommandLine;
using Trap.Pipeline.Scoring;

namespace Trap.Cli.Commands;

/// <summary>`trap score OUTPUT TRUTH`: a run measured against the ground truth of the `trap simulate` survey it ran on.</summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("OUTPUT") { Description = "the run's output folder" };
        var survey = new Argument<string>("SURVEY_FOLDER") { Description = "the folder `trap simulate --out` wrote (images and truth)" };
        var command = new Command("score",
            "score a run against a simulated survey's truth: completeness by S/N, false sources, split identities, pulls, η calibration, " +
            "candidate precision and recall by class")
        {
            output, survey,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            foreach (var folder in new[] { parse.GetValue(output)!, parse.GetValue(survey)! })
            {
                if (!Directory.Exists(folder)) throw new CliUsageException($"'{folder}' is not a folder");
            }
            var score = await SurveyScorer.ScoreAsync(parse.GetValue(output)!, parse.GetValue(survey)!);
            Console.Write(ScoreReport.Format(score));
            return ExitCodes.Ok;
        });
        return command;
    }
}
