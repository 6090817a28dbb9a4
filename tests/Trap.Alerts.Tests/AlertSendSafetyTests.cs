using System.Text;
using Trap.Alerts;
using Trap.TestSupport;

namespace Trap.Alerts.Tests;

/// <summary>
/// What sending promises about bad input: a file in the voevents folder that cannot be sent is
/// skipped and reported (file and why) while the rest are sent; every packet the broker did not
/// acknowledge is counted as not delivered; out-of-range broker settings are refused up front.
/// </summary>
public sealed class AlertSendSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-voevents-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<byte[]?> Ack(int connection, byte[] packet) => Task.FromResult<byte[]?>(LoopbackBroker.Answer("ack"));

    [Fact]
    public async Task StrayFilesAreSkippedAndReportedAndTheRestSent()
    {
        SampleAlerts.WritePacket(_folder, 1);
        SampleAlerts.WritePacket(_folder, 2);
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.xml"), "<notes>not a packet</notes>");
        await File.WriteAllTextAsync(Path.Combine(_folder, "broken.xml"), "half a packet <VOEvent");
        await using var broker = new LoopbackBroker(Ack);
        var log = new List<string>();

        var report = await VoEventFolder.SendAllAsync(_folder, broker.Sender(), log.Add);

        Assert.Equal(2, report.Acknowledged);
        Assert.Equal(4, report.Packets);
        Assert.Equal(2, report.NotDelivered);
        Assert.Equal(new[] { "broken.xml", "notes.xml" }, report.Skipped.Select(s => Path.GetFileName(s.File)));
        Assert.Contains(log, l => l.Contains("notes.xml") && l.Contains("not a VOEvent packet (root element <notes>)"));
        Assert.Contains(log, l => l.Contains("broken.xml") && l.Contains("not XML"));
    }

    [Fact]
    public async Task APacketOverTheBrokerSizeLimitIsSkippedNotThrown()
    {
        SampleAlerts.WritePacket(_folder, 1);
        var padding = new string(' ', MessageFraming.MaxMessageBytes);
        await File.WriteAllTextAsync(Path.Combine(_folder, "huge.xml"), $"<VOEvent ivorn=\"ivo://trap.local/transients#huge\">{padding}</VOEvent>",
            new UTF8Encoding(false));
        await using var broker = new LoopbackBroker(Ack);
        var log = new List<string>();

        var report = await VoEventFolder.SendAllAsync(_folder, broker.Sender(), log.Add);

        Assert.Equal(1, report.Acknowledged);
        var skipped = Assert.Single(report.Skipped);
        Assert.EndsWith("huge.xml", skipped.File);
        Assert.Contains("over the 99,999-byte limit", skipped.Reason);
        Assert.Single(broker.Received);
    }

    [Fact]
    public async Task AnUnreachableBrokerIsReportedOnceAndLeavesEveryPacketNotDelivered()
    {
        for (var i = 1; i <= 12; i++) SampleAlerts.WritePacket(_folder, i);
        BrokerAddress address;
        await using (var closed = new LoopbackBroker(Ack)) address = closed.Address;
        var log = new List<string>();

        var report = await VoEventFolder.SendAllAsync(_folder, new VoEventSender(address, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMilliseconds(10)), log.Add);

        Assert.Equal(12, report.NotDelivered);
        var line = Assert.Single(log);
        Assert.Contains($"was not delivered to broker {address}", line);
        Assert.Contains("The other 11 packet(s)", line);
    }

    [Theory]
    [InlineData(1e15, 2)]
    [InlineData(3600.5, 2)]
    [InlineData(double.NaN, 2)]
    [InlineData(0, 2)]
    [InlineData(10, -1)]
    [InlineData(10, 101)]
    public void OutOfRangeBrokerSettingsAreRefused(double timeoutS, int retries)
    {
        var config = new AlertConfig { Broker = "localhost:8098", BrokerTimeoutS = timeoutS, BrokerRetries = retries };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains(timeoutS is > 0 and <= 3600 ? "broker_retries must be 0 to 100" : "broker_timeout_s must be", error.Message);
    }

    [Fact]
    public void TheLargestSettingsAreAccepted() =>
        new AlertConfig { Broker = "localhost:8098", BrokerTimeoutS = AlertConfig.MaxBrokerTimeoutS, BrokerRetries = AlertConfig.MaxBrokerRetries }.Validate();
}
