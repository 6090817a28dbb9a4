using System.CommandLine;
using Trap.Cli.Reports;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Cli.Commands;

/// <summary>
/// `trap demo`: generates the built-in demo survey (2 pointings — one across RA 0/360, one at the
/// north pole — 3 bands, 10 timesteps, injected transients and bad images) into state/demo and runs
/// the job jobs/demo on it with the embedded defaults.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var master = CliOptions.Master();
        var database = CliOptions.Database("also load the dataset into this catalogue database");
        var command = new Command("demo", "generate the demo survey into state/demo and run the demo job (jobs/demo) on it") { master, database };
        command.SetAction(async (parse, cancellation) =>
        {
            InlinePassword.WarnIfAny("demo", "--database", parse.GetValue(database));
            var settings = RunCommand.DatabaseFor(parse.GetValue(database));
            var job = FindDemoJob();
            var root = Path.GetFullPath(Path.Combine(job, "..", ".."));
            var survey = new Survey(new SurveySpec());
            var written = SurveyWriter.Write(survey, Path.Combine(root, "state", "demo"));
            Console.WriteLine($"trap demo: wrote {written.Images} images with ground truth to {written.Folder}");
            var outcome = await RunCommand.RunJobAsync(job, null, parse.GetValue(master)!, settings, null, cancellation);
            DemoScore.Print(survey, outcome.Candidates);
            PrintNextCommands(Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(root, "state", "demo", "output")));
            return outcome.ExitCode;
        });
        return command;
    }

    private static void PrintNextCommands(string output)
    {
        Console.WriteLine();
        Console.WriteLine("Next:");
        Console.WriteLine($"  ./trap web {output}                 # browse it: candidates, light curves, the η–V plane (Ctrl-C to stop)");
        Console.WriteLine($"  duckdb -c \"select * from '{output}/candidates/*.parquet' order by score desc\"   # or pandas, pyarrow, Spark");
        Console.WriteLine("  ./trap init my-job && ./trap run my-job --dry-run     # your own images: a documented job.cfg, then the plan");
    }

    /// <summary>jobs/demo of the checkout, found from the working directory or the executable.</summary>
    private static string FindDemoJob()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "jobs", "demo");
                if (File.Exists(Path.Combine(candidate, "job.cfg"))) return candidate;
            }
        }
        throw new CliUsageException("jobs/demo/job.cfg not found; run trap demo from the Trap checkout");
    }
}
