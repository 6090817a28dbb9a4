using System.Xml;

namespace Trap.Alerts;

/// <summary>
/// Sends every packet of a dataset's voevents folder to a broker, in file-name order. A file that is
/// not a sendable VOEvent (not XML, another document, no IVORN, over the brokers' size limit) is
/// skipped and reported, and the rest are still sent: one stray file must not silence a whole run.
/// A broker that cannot be reached at all (connection refused, no such host) is reported once, and the
/// remaining packets are not tried against it: each would fail the same way, retries and all.
/// </summary>
public static class VoEventFolder
{
    /// <summary>Sends the folder; skipped files, naks and undeliverable packets are reported through <paramref name="log"/>.</summary>
    /// <param name="alreadySent">Packets (by IVORN) the broker has had before, left out (counted in <see cref="VoEventSendReport.AlreadySent"/>).</param>
    public static async Task<VoEventSendReport> SendAllAsync(string folder, VoEventSender sender, Action<string> log,
        CancellationToken cancellation = default, Func<string, bool>? alreadySent = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"no VOEvent folder {folder}: run the job with [alerts] write_voevents = true first.");
        }
        var files = Directory.GetFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var answers = new List<SendResult>();
        var skipped = new List<SkippedPacket>();
        var before = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var packet = await File.ReadAllBytesAsync(file, cancellation);
            var (ivorn, problem) = Inspect(packet);
            if (ivorn is null)
            {
                skipped.Add(new SkippedPacket(file, problem!));
                log($"{file}: skipped, {problem}");
                continue;
            }
            if (alreadySent?.Invoke(ivorn) == true)
            {
                before++;
                continue;
            }
            try
            {
                var result = await sender.SendAsync(ivorn, packet, cancellation);
                if (!result.Acknowledged) log($"VOEvent {ivorn} refused by the broker (nak): {result.Reason}");
                answers.Add(result);
            }
            catch (BrokerException error) when (error.Unreachable)
            {
                var rest = files.Count - i - 1;
                log(rest == 0 ? error.Message : $"{error.Message} The other {rest} packet(s) of {folder} were not tried: the broker is unreachable.");
                break;
            }
            catch (BrokerException error)
            {
                log(error.Message);
            }
        }
        return new VoEventSendReport(sender.Broker.ToString(), files.Count, answers, skipped) { AlreadySent = before };
    }

    /// <summary>The packet's IVORN, or why it cannot be sent (with what to do).</summary>
    private static (string? Ivorn, string? Problem) Inspect(byte[] packet)
    {
        if (packet.Length > MessageFraming.MaxMessageBytes)
        {
            return (null, $"the packet is {packet.Length:N0} bytes, over the {MessageFraming.MaxMessageBytes:N0}-byte limit of VOEvent brokers; " +
                          "shorten it (e.g. a shorter light curve) or remove it from the folder.");
        }
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(packet), settings);
        try
        {
            reader.MoveToContent();
            if (reader.LocalName != "VOEvent")
            {
                return (null, $"not a VOEvent packet (root element <{reader.Name}>); remove it from the folder or regenerate the packets with trap run.");
            }
            return reader.GetAttribute("ivorn") is { Length: > 0 } ivorn
                ? (ivorn, null)
                : (null, "the VOEvent root element has no ivorn attribute; regenerate the packets with trap run.");
        }
        catch (XmlException error)
        {
            return (null, $"not XML ({error.Message}); remove it from the folder or regenerate the packets with trap run.");
        }
    }
}
