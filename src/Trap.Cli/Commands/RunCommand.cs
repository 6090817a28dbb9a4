using System.CommandLine;
using Trap.Cli.Reports;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Engine.Cluster;
using Trap.Pipeline;
using Trap.Pipeline.Progress;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Schema;

namespace Trap.Cli.Commands;

/// <summary>`trap run JOB`: processes a job folder end to end and writes its Parquet dataset (or, with --dry-run, shows its plan).</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var job = new Argument<string>("JOB_FOLDER") { Description = "the job folder holding job.cfg (start one with trap init), or a .cfg file" };
        var output = new Option<string?>("--output") { Description = "write the dataset here instead of [job] output", HelpName = "DIR" };
        var master = CliOptions.Master();
        var logLevel = CliOptions.LogLevel();
        var executorCores = new Option<int?>("--executor-cores") { Description = "tasks in flight per worker on a cluster (default 2)", HelpName = "N" }.AtLeast(1);
        var conf = new Option<string[]>("--conf")
        {
            Description = "engine setting, repeatable; keys: " + string.Join(", ", ConfKeys.All) + " (others are refused)",
            HelpName = "KEY=VALUE",
        };
        var database = CliOptions.Database("also load the dataset into this catalogue database (replacing an earlier load of the same job)");
        var passwordFile = new Option<string?>("--database-password-file") { Description = "read the database password from this file", HelpName = "FILE" };
        var noDatabase = new Option<bool>("--no-database") { Description = $"do not load into a database, even if ${DatabaseSettings.EnvironmentVariable} is set" };
        var replace = CliOptions.Replace();
        var dryRun = new Option<bool>("--dry-run") { Description = "read the configuration and the images' headers, show the matched images and the plan; write nothing" };
        var append = new Option<bool>("--append")
        {
            Description = "re-use the work the output keeps for images already processed under the same configuration: only new images " +
                          "are extracted, and the dataset equals a full run's (docs/streaming.md)",
        };
        var command = new Command("run",
            "run a job folder end to end: the Parquet dataset goes to [job] output (one folder of part files per table), and into the " +
            "catalogue database when one is given. Exit status: 0 done, 1 failed, 2 usage error, 3 output written but not every VOEvent " +
            "delivered, 130 interrupted (the previous output is left as it was)")
        {
            job, output, master, executorCores, conf, database, passwordFile, noDatabase, replace, dryRun, append, logLevel,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var engine = new EngineOptions
            {
                ExecutorCores = parse.GetValue(executorCores),
                Conf = (parse.GetValue(conf) ?? []).Select(ConfPair).ToDictionary(p => p.Key, p => p.Value),
                LogLevel = parse.GetValue(logLevel),
            };
            var databaseOption = parse.GetValue(database);
            InlinePassword.WarnIfAny("run", "--database", databaseOption);
            InlinePassword.WarnIfAny("run", "--conf " + ConfKeys.Database, engine.Conf.GetValueOrDefault(ConfKeys.Database));
            var settings = parse.GetValue(noDatabase) ? null : DatabaseFor(databaseOption, parse.GetValue(passwordFile));
            var jobFolder = parse.GetValue(job)!;
            if (parse.GetValue(dryRun))
            {
                await using var planner = CreateEngine(parse.GetValue(master)!, engine);
                DryRunReport.Print(await new JobRunner(planner, ProgressReporter.ForConsole()).PlanAsync(jobFolder, parse.GetValue(output), cancellation), settings);
                return ExitCodes.Ok;
            }
            return (await RunJobAsync(jobFolder, parse.GetValue(output), parse.GetValue(master)!, settings, engine, cancellation,
                parse.GetValue(append), parse.GetValue(replace))).ExitCode;
        });
        return command;
    }

    /// <summary>
    /// The database to load into: the option, else the environment variable, else none; with the password
    /// from <paramref name="passwordFile"/> when given. An option given but empty (e.g. an unset shell
    /// variable) is an error, not a run that silently skips loading.
    /// </summary>
    public static DatabaseSettings? DatabaseFor(string? option, string? passwordFile = null)
    {
        if (option is not null && string.IsNullOrWhiteSpace(option))
        {
            throw new CliUsageException("--database is empty: give a connection string or postgresql:// URL (is the shell variable " +
                                        "you passed set?), or --no-database to run without loading");
        }
        var settings = string.IsNullOrWhiteSpace(option) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseSettings.EnvironmentVariable))
            ? null
            : DatabaseSettings.Resolve(option);
        if (passwordFile is null) return settings;
        return settings?.WithPasswordFile(passwordFile)
               ?? throw new CliUsageException("--database-password-file needs a database: --database CONN or $" + DatabaseSettings.EnvironmentVariable);
    }

    /// <summary>The schema is Trap's own: creates it in an empty database and applies what a newer Trap adds.</summary>
    public static async Task PrepareSchemaAsync(DatabaseSettings database, CancellationToken cancellation)
    {
        var migrator = new SchemaMigrator(database);
        await migrator.InitAsync(cancellation);
        var upgrade = await migrator.UpgradeAsync(cancellation);
        if (upgrade.Applied.Count > 0)
        {
            Console.WriteLine($"trap: upgraded the catalogue schema to version {upgrade.After.Version}");
        }
    }

    /// <summary>
    /// Loads a committed dataset folder in one transaction, replacing the job's earlier load: incrementally
    /// when the database recorded the part files of that load, else whole, the log saying why (docs/database.md).
    /// </summary>
    public static async Task LoadAsync(DatabaseSettings database, string outputFolder, bool replace, CancellationToken cancellation)
    {
        var loaded = await new DatasetLoader(database).LoadFolderAsync(outputFolder, new LoadOptions { Replace = replace }, cancellation);
        Console.WriteLine($"trap: loaded {loaded.TotalRows} rows into {database.Masked} as dataset {loaded.DatasetId} in {loaded.Elapsed.TotalSeconds:F2} s" +
                          (loaded.ReplacedDatasetId is not null ? $" (replacing its earlier load, {loaded.How})" : ""));
    }

    /// <summary>What a run ended with: its exit status and its candidates (for the demo's score).</summary>
    public sealed record RunOutcome(int ExitCode, IReadOnlyList<CandidateRow> Candidates);

    /// <summary>
    /// Runs a job, loads it into the database when one is given, and prints the run's report; shared with `trap demo`.
    /// The exit status is <see cref="ExitCodes.AlertsNotDelivered"/> when the broker did not acknowledge every VOEvent.
    /// </summary>
    public static async Task<RunOutcome> RunJobAsync(string job, string? output, string master, DatabaseSettings? database, EngineOptions? engineOptions,
        CancellationToken cancellation, bool append = false, bool replace = false)
    {
        RunSummary summary;
        await using (var engine = CreateEngine(master, engineOptions ?? new EngineOptions()))
        {
            summary = await new JobRunner(engine, ProgressReporter.ForConsole()).RunAsync(job, output, cancellation, append);
        }
        Console.WriteLine($"trap: {summary.Images} images ({summary.Rejected} rejected), {summary.Sources} measurements, " +
                          $"{summary.CatalogueSources} catalogue sources, {summary.NewSources} new sources, {summary.Candidates} candidates " +
                          $"in {summary.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"trap: output {summary.OutputFolder}");
        if (database is not null)
        {
            await PrepareSchemaAsync(database, cancellation);
            await LoadAsync(database, summary.OutputFolder, replace, cancellation);
        }
        var candidates = await RunReport.PrintAsync(summary, cancellation);
        if (summary.Alerts is { NotDelivered: > 0 } alerts)
        {
            Console.WriteLine($"trap: {alerts.NotDelivered} of {alerts.Packets} VOEvents NOT delivered to broker {alerts.Broker} " +
                              $"(the output is complete; resend with: trap alerts send {summary.OutputFolder} --broker {alerts.Broker})");
            return new RunOutcome(ExitCodes.AlertsNotDelivered, candidates);
        }
        return new RunOutcome(ExitCodes.Ok, candidates);
    }

    /// <summary>The engine of --master; a master or --conf key it does not know is a usage error.</summary>
    internal static IEngine CreateEngine(string master, EngineOptions options)
    {
        try
        {
            return EngineFactory.Create(master, options);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    private static KeyValuePair<string, string> ConfPair(string text)
    {
        var eq = text.IndexOf('=');
        return eq > 0
            ? new KeyValuePair<string, string>(text[..eq], text[(eq + 1)..])
            : throw new CliUsageException($"--conf expects key=value, got '{text}'");
    }
}
