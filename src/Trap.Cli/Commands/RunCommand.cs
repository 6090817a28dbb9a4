using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Progress;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Schema;

namespace Trap.Cli.Commands;

/// <summary>`trap run JOB`: processes a job folder end to end and writes its Parquet dataset.</summary>
public sealed class RunCommand : ICliCommand
{
    public string Name => "run";

    public string Summary =>
        "run a job folder end to end (trap run JOB [--output DIR] [--master local[N]] [--database CONN | --no-database])";

    private const string Usage =
        "usage: trap run JOB_FOLDER [--output DIR] [--master local[N]] [--database CONN | --no-database]\n" +
        "  the Parquet dataset is always written; it is also loaded into the catalogue database given by\n" +
        "  --database or $" + DatabaseSettings.EnvironmentVariable + " (replacing an earlier load of the same job)";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "output", "master", "database" }, new[] { "no-database" });
        if (parsed.Positionals.Count != 1) throw new CliUsageException(Usage);
        var database = parsed.Has("no-database") ? null : DatabaseFor(parsed.Get("database"));
        return RunJob(parsed.Positionals[0], parsed.Get("output"), parsed.Get("master") ?? "local[*]", database);
    }

    /// <summary>The database to load into: the option, else the environment variable, else none.</summary>
    public static DatabaseSettings? DatabaseFor(string? option) =>
        string.IsNullOrWhiteSpace(option) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseSettings.EnvironmentVariable))
            ? null
            : DatabaseSettings.Resolve(option);

    /// <summary>Runs a job, loads it into the database when one is given, and prints a summary; shared with `trap demo`.</summary>
    public static int RunJob(string job, string? output, string master, DatabaseSettings? database)
    {
        var runner = new JobRunner(LocalEngineFor(master), ProgressReporter.ForConsole());
        var summary = runner.RunAsync(job, output).GetAwaiter().GetResult();
        Console.WriteLine($"trap: {summary.Images} images ({summary.Rejected} rejected), {summary.Sources} measurements, " +
                          $"{summary.CatalogueSources} catalogue sources, {summary.NewSources} new sources, {summary.Candidates} candidates " +
                          $"in {summary.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"trap: output {summary.OutputFolder}");
        if (database is not null)
        {
            new SchemaMigrator(database).InitAsync().GetAwaiter().GetResult();
            var loaded = new DatasetLoader(database).LoadFolderAsync(summary.OutputFolder).GetAwaiter().GetResult();
            Console.WriteLine($"trap: loaded {loaded.TotalRows} rows into {database.Masked} as dataset {loaded.DatasetId}" +
                              (loaded.ReplacedDatasetId is { } old ? $" (replacing dataset {old})" : ""));
        }
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
