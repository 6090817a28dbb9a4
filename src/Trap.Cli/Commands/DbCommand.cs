using System.CommandLine;
using System.Globalization;
using Trap.Storage.Catalogue;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Schema;

namespace Trap.Cli.Commands;

/// <summary>`trap db init|upgrade|load|status`: the catalogue database in PostgreSQL.</summary>
public static class DbCommand
{
    public static Command Create() => new("db", "the catalogue database in PostgreSQL (several datasets, for the web interface and SQL)")
    {
        Verb("init", "create the catalogue schema (idempotent)", Init),
        Verb("upgrade", "apply missing schema migrations, in one transaction (idempotent)", Upgrade),
        Load(),
        Verb("status", "show the schema version and the datasets", Status),
    };

    /// <summary>A verb that takes only --database.</summary>
    private static Command Verb(string name, string description, Func<DatabaseSettings, CancellationToken, Task> run)
    {
        var database = CliOptions.Database("the catalogue database");
        var command = new Command(name, description) { database };
        command.SetAction(async (parse, cancellation) =>
        {
            await run(DatabaseSettings.Resolve(parse.GetValue(database)), cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task Init(DatabaseSettings settings, CancellationToken cancellation)
    {
        var change = await new SchemaMigrator(settings).InitAsync(cancellation);
        Console.WriteLine(change.Applied.Count > 0
            ? $"Created the catalogue schema (version {change.After.Version}) in {settings.Masked}."
            : $"The catalogue schema is already there (version {change.Before.Version}) in {settings.Masked}." +
              (change.Before.Version < change.Before.Latest ? $" Run 'trap db upgrade' to reach version {change.Before.Latest}." : ""));
    }

    private static async Task Upgrade(DatabaseSettings settings, CancellationToken cancellation)
    {
        var change = await new SchemaMigrator(settings).UpgradeAsync(cancellation);
        Console.WriteLine(change.Applied.Count == 0
            ? $"The catalogue schema is up to date (version {change.After.Version}) in {settings.Masked}."
            : $"Upgraded the catalogue schema from version {change.Before.Version} to {change.After.Version} " +
              $"({string.Join(", ", change.Applied.Select(m => m.Version + " " + m.Name))}) in {settings.Masked}.");
    }

    private static async Task Status(DatabaseSettings settings, CancellationToken cancellation)
    {
        var state = await new SchemaMigrator(settings).StatusAsync(cancellation);
        Console.WriteLine($"Database: {settings.Masked}");
        if (!state.Initialised)
        {
            Console.WriteLine("Schema:   none (run 'trap db init')");
            return;
        }
        Console.WriteLine($"Schema:   version {state.Version} of {state.Latest}" + (state.Current ? "" : " (run 'trap db upgrade')"));
        var datasets = await new DatasetCatalog(settings).ListAsync(cancellation);
        Console.WriteLine($"Datasets: {datasets.Count}");
        foreach (var d in datasets)
        {
            Console.WriteLine($"  {d.Id,6}  {d.Name}  loaded {d.LoadedUtc:yyyy-MM-dd HH:mm:ss}Z  images {d.Images} (rejected {d.Rejections})  " +
                              $"sources {d.ExtractedSources}  catalogue {d.RunningCatalogue}");
        }
    }

    private static Command Load()
    {
        var folder = new Argument<string>("OUTPUT_FOLDER") { Description = "an output folder of trap run" };
        var database = CliOptions.Database("the catalogue database");
        var replace = CliOptions.Replace();
        var command = new Command("load", "load a run's Parquet dataset folder (replaces an earlier load of the same job, keeping its id)") { folder, database, replace };
        command.SetAction(async (parse, cancellation) =>
        {
            var settings = DatabaseSettings.Resolve(parse.GetValue(database));
            var result = await new DatasetLoader(settings).LoadFolderAsync(parse.GetValue(folder)!, new LoadOptions { Replace = parse.GetValue(replace) }, cancellation);
            var rate = result.TotalRows / Math.Max(result.Elapsed.TotalSeconds, 1e-9);
            Console.WriteLine($"Loaded dataset id {result.DatasetId}" +
                              (result.ReplacedDatasetId is not null ? $" (replacing its earlier load, {result.How})" : "") +
                              $" into {settings.Masked}: {result.TotalRows} rows in {result.Elapsed.TotalSeconds:F2} s ({rate.ToString("F0", CultureInfo.InvariantCulture)} rows/s).");
            foreach (var (table, rows) in result.RowsByTable) Console.WriteLine($"  {table,-20} {rows,12}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
