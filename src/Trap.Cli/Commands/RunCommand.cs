using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Progress;

namespace Trap.Cli.Commands;

/// <summary>`trap run JOB`: processes a job folder end to end and writes its Parquet dataset.</summary>
public sealed class RunCommand : ICliCommand
{
    public string Name => "run";

    public string Summary => "run a job folder end to end (trap run JOB [--output DIR] [--master local[N]])";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "output", "master" });
        if (parsed.Positionals.Count != 1) throw new CliUsageException("usage: trap run JOB_FOLDER [--output DIR] [--master local[N]]");
        return RunJob(parsed.Positionals[0], parsed.Get("output"), parsed.Get("master") ?? "local[*]");
    }

    /// <summary>Runs a job and prints its summary; shared with `trap demo`.</summary>
    public static int RunJob(string job, string? output, string master)
    {
        var runner = new JobRunner(LocalEngineFor(master), ProgressReporter.ForConsole());
        var summary = runner.RunAsync(job, output).GetAwaiter().GetResult();
        Console.WriteLine($"trap: {summary.Images} images ({summary.Rejected} rejected), {summary.Sources} measurements, " +
                          $"{summary.CatalogueSources} catalogue sources, {summary.NewSources} new sources, {summary.Candidates} candidates " +
                          $"in {summary.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"trap: output {summary.OutputFolder}");
        return 0;
    }

    /// <summary>local, local[N] or local[*] (all cores), as spark-submit's --master.</summary>
    private static IEngine LocalEngineFor(string master)
    {
        if (master == "local" ) return new LocalEngine(1);
        if (master.StartsWith("local[", StringComparison.Ordinal) && master.EndsWith(']'))
        {
            var inner = master[6..^1];
            if (inner == "*") return new LocalEngine();
            if (int.TryParse(inner, out var n) && n > 0) return new LocalEngine(n);
        }
        throw new CliUsageException($"--master '{master}' is not understood; use local, local[N] or local[*]");
    }
}
