using Trap.Simulation;
using Trap.Simulation.Output;
using Trap.TestSupport;

namespace Trap.Cli.Tests;

/// <summary>
/// What the command line promises: options out of range are usage errors (exit 2) before anything
/// is sent; a packet that cannot be sent is reported and the rest still go; and a run or send whose
/// VOEvents were not all acknowledged says so and exits 3, so scripts can tell "output written,
/// alerts failed" from success (0) and failure (1).
/// </summary>
public sealed class CliSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string UnreachableBroker { get; } = $"127.0.0.1:{LoopbackPort.Unused()}";

    [Theory]
    [InlineData("--timeout", "1e15")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "NaN")]
    [InlineData("--retries", "-1")]
    [InlineData("--retries", "101")]
    public void AlertsSendRefusesOutOfRangeOptions(string option, string value)
    {
        var outcome = CommandLine.Trap("alerts", "send", _folder, "--broker", UnreachableBroker, option, value);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains($"{option} expects", outcome.Error);
        Assert.Contains($"got '{value}'", outcome.Error);
    }

    [Theory]
    [InlineData("--max-backlog", "-1")]
    [InlineData("--extract-ahead", "-1")]
    [InlineData("--timestep-wait", "3601")]
    public void StreamRefusesOutOfRangeOptionsBeforeItStarts(string option, string value)
    {
        var outcome = CommandLine.Trap("stream", _folder, "--no-database", option, value);

        Assert.Equal(ExitCodes.Usage, outcome.ExitCode);
        Assert.Contains($"{option} expects", outcome.Error);
        Assert.Contains($"got {value}", outcome.Error);
    }

    [Fact]
    public void AStrayFileIsReportedNotFatalAndTheSendExits3()
    {
        var voevents = Directory.CreateDirectory(Path.Combine(_folder, "voevents")).FullName;
        File.WriteAllText(Path.Combine(voevents, "readme.xml"), "<readme/>");

        var outcome = CommandLine.Trap("alerts", "send", _folder, "--broker", UnreachableBroker, "--retries", "0");

        Assert.Equal(ExitCodes.AlertsNotDelivered, outcome.ExitCode);
        Assert.Contains("readme.xml: skipped, not a VOEvent packet", outcome.Error);
        Assert.Contains("1 of 1 VOEvents NOT delivered", outcome.Out);
    }

    [Fact]
    public void ARunWhoseBrokerIsUnreachableWritesItsOutputAndExits3()
    {
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 11, Timesteps = 12 }), _folder);
        File.WriteAllText(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n" +
                                                            $"[alerts]\nbroker = {UnreachableBroker}\nbroker_timeout_s = 2\nbroker_retries = 0\n");

        var outcome = CommandLine.Trap("run", _folder, "--no-database");

        Assert.Equal(ExitCodes.AlertsNotDelivered, outcome.ExitCode);
        Assert.Matches(@"trap: (\d+) of \1 VOEvents NOT delivered to broker", outcome.Out);
        Assert.Contains($"trap alerts send {Path.Combine(_folder, "output")} --broker {UnreachableBroker}", outcome.Out);
        Assert.True(File.Exists(Path.Combine(_folder, "output", "dataset", "part-00000.parquet")));
    }
}
