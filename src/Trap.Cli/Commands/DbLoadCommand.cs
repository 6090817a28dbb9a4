using Trap.Storage.Connection;
using System.Globalization;
using Trap.Storage.Loading;

namespace Trap.Cli.Commands;

/// <summary>`trap db load FOLDER`: loads a run's Parquet dataset folder, replacing an earlier load of the same dataset.</summary>
public sealed class DbLoadCommand : ICliCommand
{
    public string Name => "load";

    public string Summary => "load a run's Parquet dataset folder (replaces the same dataset)";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, DbCommand.Options);
        if (parsed.Positionals.Count != 1) throw new CliUsageException("usage: trap db load <dataset folder> " + DbCommand.DatabaseUsage);
        var settings = DatabaseSettings.Resolve(parsed.Get("database"));
        var result = new DatasetLoader(settings).LoadFolderAsync(parsed.Positionals[0]).GetAwaiter().GetResult();
        var rate = result.TotalRows / Math.Max(result.Elapsed.TotalSeconds, 1e-9);
        Console.WriteLine($"Loaded dataset id {result.DatasetId}" +
                          (result.ReplacedDatasetId is { } old ? $" (replacing id {old})" : "") +
                          $" into {settings.Masked}: {result.TotalRows} rows in {result.Elapsed.TotalSeconds:F2} s ({rate.ToString("F0", CultureInfo.InvariantCulture)} rows/s).");
        foreach (var (table, rows) in result.RowsByTable)
        {
            Console.WriteLine($"  {table,-20} {rows,12}");
        }
        return 0;
    }
}
