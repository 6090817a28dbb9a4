using System.CommandLine;
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
            var written = SurveyWriter.Write(new Survey(new SurveySpec()), Path.Combine(root, "state", "demo"));
            Console.WriteLine($"trap demo: wrote {written.Images} images with ground truth to {written.Folder}");
            return await RunCommand.RunJobAsync(job, null, parse.GetValue(master)!, settings, null, cancellation);
        });
        return command;
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
