using System.Text;
using Trap.Alerts;
using Trap.TestSupport;

namespace Trap.Alerts.Tests;

/// <summary>Sending packets over the VOEvent Transport Protocol to a receiver on the loopback interface.</summary>
public class VoEventSenderTests
{
    private static readonly byte[] Packet = VoEventWriter.Write(SampleAlerts.Flare(), SampleAlerts.Config);
    private const string Id = "ivo://trap.local/transients#demo_job-runcat-42";

    [Fact]
    public async Task AckedPacketArrivesWithABigEndianLengthPrefix()
    {
        await using var broker = new LoopbackBroker((_, _) => Task.FromResult<byte[]?>(LoopbackBroker.Answer("ack")));
        var result = await broker.Sender().SendAsync(Id, Packet);
        Assert.True(result.Acknowledged);
        Assert.Equal(1, result.Attempts);
        var received = Assert.Single(broker.Received);
        Assert.Equal(new byte[] { (byte)(Packet.Length >> 24), (byte)(Packet.Length >> 16), (byte)(Packet.Length >> 8), (byte)Packet.Length }, received[..4]);
        Assert.Equal(Packet, received[4..]);
    }

    [Fact]
    public async Task NakIsReturnedWithItsReasonAndNotRetried()
    {
        await using var broker = new LoopbackBroker((_, _) => Task.FromResult<byte[]?>(LoopbackBroker.Answer("nak", "IVORN already seen")));
        var result = await broker.Sender().SendAsync(Id, Packet);
        Assert.False(result.Acknowledged);
        Assert.Equal("IVORN already seen", result.Reason);
        Assert.Equal(1, broker.Connections);
    }

    [Fact]
    public async Task ClosedConnectionIsRetriedThenReported()
    {
        await using var broker = new LoopbackBroker((_, _) => Task.FromResult<byte[]?>(null));
        var error = await Assert.ThrowsAsync<BrokerException>(() => broker.Sender(retries: 2).SendAsync(Id, Packet));
        Assert.Equal(3, broker.Connections);
        Assert.Contains(broker.Address.ToString(), error.Message);
        Assert.Contains("closed the connection", error.Message);
        Assert.Contains(Id, error.Message);
    }

    [Fact]
    public async Task RetryAfterADroppedConnectionSucceeds()
    {
        await using var broker = new LoopbackBroker((i, _) => Task.FromResult(i == 0 ? null : LoopbackBroker.Answer("ack")));
        var result = await broker.Sender().SendAsync(Id, Packet);
        Assert.True(result.Acknowledged);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task SilentBrokerTimesOut()
    {
        await using var broker = new LoopbackBroker(async (_, _) =>
        {
            await Task.Delay(2000);
            return null;
        });
        var error = await Assert.ThrowsAsync<BrokerException>(() => broker.Sender(retries: 0, timeoutS: 0.3).SendAsync(Id, Packet));
        Assert.Contains("no answer within 0.3 s", error.Message);
    }

    [Fact]
    public async Task NothingListeningIsReported()
    {
        BrokerAddress address;
        await using (var closed = new LoopbackBroker((_, _) => Task.FromResult<byte[]?>(null))) address = closed.Address;
        var sender = new VoEventSender(address, TimeSpan.FromSeconds(2), 1, TimeSpan.FromMilliseconds(10));
        var error = await Assert.ThrowsAsync<BrokerException>(() => sender.SendAsync(Id, Packet));
        Assert.Contains("2 attempt(s)", error.Message);
    }

    [Fact]
    public void TransportMessagesRoundTripAndStrangersAreRefused()
    {
        var nak = TransportMessage.Parse(LoopbackBroker.Answer("nak", "bad packet"));
        Assert.Equal("nak", nak.Role);
        Assert.Equal("bad packet", nak.Result);
        Assert.Equal("ivo://test.broker/comet", nak.Response);
        Assert.Throws<FormatException>(() => TransportMessage.Parse(Encoding.UTF8.GetBytes("<Other/>")));
        Assert.Throws<FormatException>(() => TransportMessage.Parse(Encoding.UTF8.GetBytes("not xml")));
    }

    [Fact]
    public async Task AFolderOfPacketsIsSentInNameOrderAndNaksAreLogged()
    {
        var folder = Directory.CreateTempSubdirectory("trap-voevents-").FullName;
        try
        {
            SampleAlerts.WritePacket(folder, 2);
            SampleAlerts.WritePacket(folder, 1);
            await using var broker = new LoopbackBroker((i, _) => Task.FromResult<byte[]?>(LoopbackBroker.Answer(i == 0 ? "ack" : "nak", "duplicate")));
            var log = new List<string>();
            var report = await VoEventFolder.SendAllAsync(folder, broker.Sender(), log.Add);
            Assert.Equal(new[] { "ivo://trap.local/transients#demo-runcat-1", "ivo://trap.local/transients#demo-runcat-2" }, report.Answers.Select(r => r.Ivorn));
            Assert.Equal(new[] { true, false }, report.Answers.Select(r => r.Acknowledged));
            Assert.Equal(1, report.NotDelivered);
            Assert.Contains("demo-runcat-2 refused by the broker (nak): duplicate", Assert.Single(log));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
