using System.CommandLine;
using Trap.Alerts;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Cli.Commands;

/// <summary>`trap alerts send OUTPUT --broker host:port`: sends a dataset's VOEvent packets to a broker.</summary>
public static class AlertsCommand
{
    public static Command Create() => new("alerts", "VOEvents of a dataset") { Send() };

    private static Command Send()
    {
        var defaults = new AlertConfig();
        var output = new Argument<string>("OUTPUT_FOLDER") { Description = "an output folder of trap run (its voevents/ are sent)" };
        var broker = new Option<string>("--broker") { Description = "the VOEvent broker (Comet: port 8098)", HelpName = "HOST:PORT", Required = true };
        var timeout = new Option<double>("--timeout")
        {
            Description = $"seconds per attempt, above 0 and at most {AlertConfig.MaxBrokerTimeoutS}",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => defaults.BrokerTimeoutS,
        };
        timeout.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !AlertConfig.IsValidTimeout(result.GetValueOrDefault<double>()))
                result.AddError($"--timeout expects seconds above 0 and at most {AlertConfig.MaxBrokerTimeoutS}, got '{result.Tokens[0].Value}'");
        });
        var retries = new Option<int>("--retries")
        {
            Description = $"retries after a dropped connection or timeout, 0 to {AlertConfig.MaxBrokerRetries} (a refusal is not retried)",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.BrokerRetries,
        };
        retries.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !AlertConfig.IsValidRetries(result.GetValueOrDefault<int>()))
                result.AddError($"--retries expects 0 to {AlertConfig.MaxBrokerRetries}, got '{result.Tokens[0].Value}'");
        });
        var command = new Command("send", "send a dataset's VOEvents to a broker; exit status 3 when not every packet was acknowledged (each is reported)")
        {
            output, broker, timeout, retries,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            BrokerAddress address;
            try
            {
                address = BrokerAddress.Parse(parse.GetValue(broker)!);
            }
            catch (ArgumentException error)
            {
                throw new CliUsageException(error.Message);
            }
            var sender = new VoEventSender(address, TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(retries));
            var folder = Path.Combine(parse.GetValue(output)!, DatasetTables.VoEventsFolder);
            var report = await VoEventFolder.SendAllAsync(folder, sender, message => Console.Error.WriteLine("trap alerts: " + message), cancellation);
            if (report.NotDelivered == 0)
            {
                Console.WriteLine($"trap alerts: {report.Packets} of {report.Packets} VOEvents acknowledged by {report.Broker}");
                return ExitCodes.Ok;
            }
            Console.WriteLine($"trap alerts: {report.NotDelivered} of {report.Packets} VOEvents NOT delivered to {report.Broker} " +
                              $"({report.Skipped.Count} skipped as unsendable, {report.Answers.Count(a => !a.Acknowledged)} refused; see the messages above)");
            return ExitCodes.AlertsNotDelivered;
        });
        return command;
    }
}
