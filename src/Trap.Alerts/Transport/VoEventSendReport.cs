namespace Trap.Alerts;

/// <summary>What sending a folder of VOEvent packets achieved: the broker's answers, and the files skipped as unsendable.</summary>
public sealed record VoEventSendReport(string Broker, int Packets, IReadOnlyList<SendResult> Answers, IReadOnlyList<SkippedPacket> Skipped)
{
    public int Acknowledged => Answers.Count(a => a.Acknowledged);

    /// <summary>Packets left out because the broker acknowledged them in an earlier run (<see cref="SentAlerts"/>).</summary>
    public int AlreadySent { get; init; }

    /// <summary>Packets the broker did not acknowledge: refused (nak), never answered, or skipped.</summary>
    public int NotDelivered => Packets - Acknowledged - AlreadySent;
}

/// <summary>A file of the voevents folder that was not sent, and why.</summary>
public sealed record SkippedPacket(string File, string Reason);
