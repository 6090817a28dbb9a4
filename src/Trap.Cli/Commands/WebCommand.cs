using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Trap.Storage.Connection;
using Trap.Web;

namespace Trap.Cli.Commands;

/// <summary>`trap web`: serves the web interface over the catalogue database, on loopback unless --urls says otherwise.</summary>
public static class WebCommand
{
    public static Command Create()
    {
        var database = CliOptions.Database("the catalogue database to serve");
        var urls = new Option<string>("--urls") { Description = "where to listen (loopback by default)", HelpName = "URLS", DefaultValueFactory = _ => WebServer.DefaultUrls };
        var command = new Command("web", "serve the web interface (read-only) until Ctrl-C") { database, urls };
        command.SetAction(async (parse, cancellation) =>
        {
            var addresses = parse.GetValue(urls)!;
            if (!Uri.TryCreate(addresses.Split(';')[0], UriKind.Absolute, out var first) || first.Scheme != "http")
            {
                throw new CliUsageException($"--urls '{addresses}' is not understood; give e.g. {WebServer.DefaultUrls}");
            }
            var settings = DatabaseSettings.Resolve(parse.GetValue(database));
            await using var app = WebServer.Build(settings, addresses);
            await app.StartAsync(cancellation);
            Console.WriteLine($"trap web: reading {settings.Masked}; serving {string.Join(", ", WebServer.Addresses(app))} (Ctrl-C to stop)");
            await app.WaitForShutdownAsync(cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
