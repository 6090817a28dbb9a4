using System.Globalization;
using Trap.Alerts;
using Trap.Pipeline.Output;

namespace Trap.Cli.Commands;

/// <summary>`trap alerts send OUTPUT --broker host:port`: sends a dataset's VOEvent packets to a broker.</summary>
public sealed class AlertsCommand : ICliCommand
{
    private static readonly string Usage =
        "usage: trap alerts send OUTPUT_FOLDER --broker HOST:PORT [--timeout SECONDS] [--retries N]\n" +
        $"  --timeout above 0 and at most {AlertConfig.MaxBrokerTimeoutS} (default {new AlertConfig().BrokerTimeoutS}); " +
        $"--retries 0 to {AlertConfig.MaxBrokerRetries} (default {new AlertConfig().BrokerRetries})\n" +
        "  exit status: 0 all acknowledged, 1 failed, 2 usage error, 3 not every VOEvent delivered (each is reported)";

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
            !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out timeout) && AlertConfig.IsValidTimeout(timeout)))
        {
            throw new CliUsageException($"--timeout expects seconds above 0 and at most {AlertConfig.MaxBrokerTimeoutS}, got '{text}'\n{Usage}");
        }
        var retries = parsed.GetInt("retries", new AlertConfig().BrokerRetries);
        if (!AlertConfig.IsValidRetries(retries))
        {
            throw new CliUsageException($"--retries expects 0 to {AlertConfig.MaxBrokerRetries}, got '{parsed.Get("retries")}'\n{Usage}");
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
        var sender = new VoEventSender(address, TimeSpan.FromSeconds(timeout), retries);
        var folder = Path.Combine(parsed.Positionals[1], DatasetTables.VoEventsFolder);
        var report = VoEventFolder.SendAllAsync(folder, sender, message => Console.Error.WriteLine("trap alerts: " + message)).GetAwaiter().GetResult();
        if (report.NotDelivered == 0)
        {
            Console.WriteLine($"trap alerts: {report.Packets} of {report.Packets} VOEvents acknowledged by {report.Broker}");
            return ExitCodes.Ok;
        }
        Console.WriteLine($"trap alerts: {report.NotDelivered} of {report.Packets} VOEvents NOT delivered to {report.Broker} " +
                          $"({report.Skipped.Count} skipped as unsendable, {report.Answers.Count(a => !a.Acknowledged)} refused; see the messages above)");
        return ExitCodes.AlertsNotDelivered;
    }
}
