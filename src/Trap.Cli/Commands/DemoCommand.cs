using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Cli.Commands;

/// <summary>
/// `trap demo`: generates the built-in demo survey (2 pointings — one across RA 0/360, one at the
/// north pole — 3 bands, 10 timesteps, injected transients and bad images) into state/demo and runs
/// the job jobs/demo on it with the embedded defaults.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    public string Name => "demo";

    public string Summary => "generate the demo survey and run the demo job on it (trap demo [--master local[N]] [--database CONN])";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "master", "database" });
        InlinePassword.WarnIfAny(Name, "--database", parsed.Get("database"));
        var database = RunCommand.DatabaseFor(parsed.Get("database"));
        var job = FindDemoJob();
        var root = Path.GetFullPath(Path.Combine(job, "..", ".."));
        var surveyFolder = Path.Combine(root, "state", "demo");
        var survey = new Survey(new SurveySpec());
        var written = SurveyWriter.Write(survey, surveyFolder);
        Console.WriteLine($"trap demo: wrote {written.Images} images with ground truth to {written.Folder}");
        return RunCommand.RunJob(job, null, parsed.Get("master") ?? "local[*]", database);
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
