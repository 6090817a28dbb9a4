using System.Globalization;
using Trap.Alerts;
using Trap.Pipeline.Output;

namespace Trap.Cli.Commands;

/// <summary>`trap alerts send OUTPUT --broker host:port`: sends a dataset's VOEvent packets to a broker.</summary>
public sealed class AlertsCommand : ICliCommand
{
    private const string Usage = "usage: trap alerts send OUTPUT_FOLDER --broker HOST:PORT [--timeout SECONDS] [--retries N]";

    public string Name => "alerts";

    public string Summary => "send a dataset's VOEvents to a broker (trap alerts send OUTPUT --broker host:port)";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "broker", "timeout", "retries" });
        if (parsed.Positionals.Count != 2 || parsed.Positionals[0] != "send" || parsed.Get("broker") is not { } broker)
        {
            throw new CliUsageException(Usage);
        }
        var timeout = new AlertConfig().BrokerTimeoutS;
        if (parsed.Get("timeout") is { } text &&
            !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out timeout) && timeout > 0))
        {
            throw new CliUsageException($"--timeout expects a positive number of seconds, got '{text}'");
        }
        BrokerAddress address;
        try
        {
            address = BrokerAddress.Parse(broker);
        }
        catch (ArgumentException error)
        {
            throw new CliUsageException(error.Message);
        }
        var sender = new VoEventSender(address, TimeSpan.FromSeconds(timeout), parsed.GetInt("retries", new AlertConfig().BrokerRetries));
        var folder = Path.Combine(parsed.Positionals[1], DatasetTables.VoEventsFolder);
        var results = VoEventFolder.SendAllAsync(folder, sender, message => Console.Error.WriteLine("trap alerts: " + message)).GetAwaiter().GetResult();
        var acked = results.Count(r => r.Acknowledged);
        var total = Directory.GetFiles(folder, "*.xml").Length;
        Console.WriteLine($"trap alerts: {acked} of {total} VOEvents acknowledged by {broker}");
        return acked == total ? 0 : 1;
    }
}
