using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Trap.Storage.Connection;
using Trap.Web;
using Trap.Web.Data;

namespace Trap.Cli.Commands;

/// <summary>
/// `trap web [OUTPUT_FOLDER]`: serves the web interface, read-only, on loopback unless --urls says otherwise:
/// over one run's Parquet folder through embedded DuckDB (nothing else needed), or over the catalogue database.
/// </summary>
public static class WebCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("OUTPUT_FOLDER")
        {
            Description = "a run's output folder (its tables are folders of Parquet part files, <table>/*.parquet), served in place " +
                          "through embedded DuckDB; without it the site serves the catalogue database (every dataset loaded into it)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var database = CliOptions.Database("the catalogue database to serve instead of a folder");
        var urls = new Option<string>("--urls") { Description = "where to listen (loopback by default)", HelpName = "URLS", DefaultValueFactory = _ => WebServer.DefaultUrls };
        var command = new Command("web", "serve the web interface (read-only) over a run's output folder or the catalogue database, until Ctrl-C")
        {
            folder, database, urls,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var addresses = parse.GetValue(urls)!;
            if (!Uri.TryCreate(addresses.Split(';')[0], UriKind.Absolute, out var first) || first.Scheme != "http")
            {
                throw new CliUsageException($"--urls '{addresses}' is not understood; give e.g. {WebServer.DefaultUrls}");
            }
            using var catalogue = Catalogue(parse.GetValue(folder), parse.GetValue(database));
            await using var app = WebServer.Build(catalogue, addresses);
            await app.StartAsync(cancellation);
            Console.WriteLine($"trap web: reading {catalogue.Source}; serving {string.Join(", ", WebServer.Addresses(app))} (Ctrl-C to stop)");
            await app.WaitForShutdownAsync(cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The folder's dataset, or the database's.</summary>
    private static ReadOnlyCatalogue Catalogue(string? folder, string? database)
    {
        if (folder is null) return new PostgresCatalogue(DatabaseSettings.Resolve(database));
        if (database is not null) throw new CliUsageException("give an output folder or --database, not both");
        return new ParquetCatalogue(folder);
    }
}
