using Trap.Engine;
using Trap.Engine.Cluster;
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
        "run a job folder end to end (trap run JOB [--output DIR] [--master local[N]|trap://CLUSTER] [--database CONN | --no-database])";

    private static readonly string Usage =
        "usage: trap run JOB_FOLDER [--output DIR] [--master local[N]|trap://CLUSTER_ID] [--executor-cores N] [--conf key=value]...\n" +
        "                           [--database CONN [--database-password-file FILE] | --no-database] [--append]\n" +
        "  --append re-uses the work the output keeps for images already processed (new images only cost their own work)\n" +
        "  --master trap://CLUSTER_ID runs on that cluster's workers (see trap-submit); their database is\n" +
        "  $" + DatabaseSettings.EnvironmentVariable + " or --conf trap.db=CONN; --conf keys: " + string.Join(", ", ConfKeys.All) + "\n" +
        "  the Parquet dataset is always written; it is also loaded into the catalogue database given by\n" +
        "  --database or $" + DatabaseSettings.EnvironmentVariable + " (replacing an earlier load of the same job). Keep passwords\n" +
        "  off the command line: PGPASSWORD, a password file (PGPASSFILE or --database-password-file) or the variable\n" +
        "  exit status: 0 done, 1 failed, 2 usage error, 3 output written but VOEvents not all delivered to [alerts] broker";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "output", "master", "database", "database-password-file", "executor-cores", "conf" },
            new[] { "no-database", "append" });
        if (parsed.Positionals.Count != 1) throw new CliUsageException(Usage);
        var database = parsed.Has("no-database") ? null : DatabaseFor(parsed.Get("database"), parsed.Get("database-password-file"));
        var engine = new EngineOptions
        {
            ExecutorCores = parsed.Get("executor-cores") is null ? null : ClusterCommand.AtLeast(parsed, "executor-cores", 1, 1),
            Conf = parsed.GetAll("conf").Select(ConfPair).ToDictionary(p => p.Key, p => p.Value),
        };
        InlinePassword.WarnIfAny(Name, "--database", parsed.Get("database"));
        InlinePassword.WarnIfAny(Name, "--conf " + ConfKeys.Database, engine.Conf.GetValueOrDefault(ConfKeys.Database));
        return RunJob(parsed.Positionals[0], parsed.Get("output"), parsed.Get("master") ?? "local[*]", database, engine, parsed.Has("append"));
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

    /// <summary>
    /// Runs a job, loads it into the database when one is given, and prints a summary; shared with `trap demo`.
    /// Returns <see cref="ExitCodes.AlertsNotDelivered"/> when the broker did not acknowledge every VOEvent.
    /// </summary>
    public static int RunJob(string job, string? output, string master, DatabaseSettings? database, EngineOptions? engineOptions = null,
        bool append = false)
    {
        IEngine engine;
        try
        {
            engine = EngineFactory.Create(master, engineOptions ?? new EngineOptions());
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        RunSummary summary;
        try
        {
            var runner = new JobRunner(engine, ProgressReporter.ForConsole());
            summary = runner.RunAsync(job, output, append: append).GetAwaiter().GetResult();
        }
        finally
        {
            engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        Console.WriteLine($"trap: {summary.Images} images ({summary.Rejected} rejected), {summary.Sources} measurements, " +
                          $"{summary.CatalogueSources} catalogue sources, {summary.NewSources} new sources, {summary.Candidates} candidates " +
                          $"in {summary.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"trap: output {summary.OutputFolder}");
        if (database is not null)
        {
            // The schema is Trap's own: create it in an empty database, apply what a newer Trap adds.
            var migrator = new SchemaMigrator(database);
            migrator.InitAsync().GetAwaiter().GetResult();
            var upgrade = migrator.UpgradeAsync().GetAwaiter().GetResult();
            if (upgrade.Applied.Count > 0)
            {
                Console.WriteLine($"trap: upgraded the catalogue schema to version {upgrade.After.Version}");
            }
            var loaded = new DatasetLoader(database).LoadFolderAsync(summary.OutputFolder).GetAwaiter().GetResult();
            Console.WriteLine($"trap: loaded {loaded.TotalRows} rows into {database.Masked} as dataset {loaded.DatasetId}" +
                              (loaded.ReplacedDatasetId is { } old ? $" (replacing dataset {old})" : ""));
        }
        if (summary.Alerts is { NotDelivered: > 0 } alerts)
        {
            Console.WriteLine($"trap: {alerts.NotDelivered} of {alerts.Packets} VOEvents NOT delivered to broker {alerts.Broker} " +
                              $"(the output is complete; resend with: trap alerts send {summary.OutputFolder} --broker {alerts.Broker})");
            return ExitCodes.AlertsNotDelivered;
        }
        return ExitCodes.Ok;
    }

    private static KeyValuePair<string, string> ConfPair(string text)
    {
        var eq = text.IndexOf('=');
        return eq > 0
            ? new KeyValuePair<string, string>(text[..eq], text[(eq + 1)..])
            : throw new CliUsageException($"--conf expects key=value, got '{text}'");
    }
}
