using Trap.Storage.Connection;
using Trap.Storage.Catalogue;
using Trap.Storage.Schema;

namespace Trap.Cli.Commands;

/// <summary>`trap db status`: the schema version and the datasets the database holds.</summary>
public sealed class DbStatusCommand : ICliCommand
{
    public string Name => "status";

    public string Summary => "show the schema version and the datasets";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, DbCommand.Options);
        if (parsed.Positionals.Count > 0) throw new CliUsageException("usage: trap db status " + DbCommand.DatabaseUsage);
        var settings = DatabaseSettings.Resolve(parsed.Get("database"));
        var state = new SchemaMigrator(settings).StatusAsync().GetAwaiter().GetResult();
        Console.WriteLine($"Database: {settings.Masked}");
        if (!state.Initialised)
        {
            Console.WriteLine("Schema:   none (run 'trap db init')");
            return 0;
        }
        Console.WriteLine($"Schema:   version {state.Version} of {state.Latest}" + (state.Current ? "" : " (run 'trap db upgrade')"));
        var datasets = new DatasetCatalog(settings).ListAsync().GetAwaiter().GetResult();
        Console.WriteLine($"Datasets: {datasets.Count}");
        foreach (var d in datasets)
        {
            Console.WriteLine($"  {d.Id,6}  {d.Name}  loaded {d.LoadedUtc:yyyy-MM-dd HH:mm:ss}Z  images {d.Images} (rejected {d.Rejections})  " +
                              $"sources {d.ExtractedSources}  catalogue {d.RunningCatalogue}");
        }
        return 0;
    }
}
