using Microsoft.Extensions.Hosting;
using Trap.Storage.Connection;
using Trap.Web;

namespace Trap.Cli.Commands;

/// <summary>`trap web`: serves the web interface over the catalogue database, on loopback unless --urls says otherwise.</summary>
public sealed class WebCommand : ICliCommand
{
    public string Name => "web";

    public string Summary => $"serve the web interface (trap web [--database CONN] [--urls {WebServer.DefaultUrls}])";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "database", "urls" });
        if (parsed.Positionals.Count > 0) throw new CliUsageException("trap web takes no positional arguments; usage: " + Summary);
        var database = DatabaseSettings.Resolve(parsed.Get("database"));
        var urls = parsed.Get("urls") ?? WebServer.DefaultUrls;
        if (!Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out var first) || first.Scheme != "http")
        {
            throw new CliUsageException($"--urls '{urls}' is not understood; give e.g. {WebServer.DefaultUrls}");
        }
        var app = WebServer.Build(database, urls);
        app.Start();
        Console.WriteLine($"trap web: reading {database.Masked}; serving {string.Join(", ", WebServer.Addresses(app))} (Ctrl+C to stop)");
        app.WaitForShutdown();
        return 0;
    }
}
