using System.Xml;

namespace Trap.Alerts;

/// <summary>Sends every packet of a dataset's voevents folder to a broker, in file-name order.</summary>
public static class VoEventFolder
{
    /// <summary>One result per packet; a packet that could not be delivered at all is reported through <paramref name="log"/> and skipped.</summary>
    public static async Task<IReadOnlyList<SendResult>> SendAllAsync(string folder, VoEventSender sender, Action<string> log,
        CancellationToken cancellation = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"no VOEvent folder {folder}: run the job with [alerts] write_voevents = true first.");
        }
        var results = new List<SendResult>();
        foreach (var file in Directory.GetFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
        {
            var packet = await File.ReadAllBytesAsync(file, cancellation);
            var ivorn = IvornOf(packet, file);
            try
            {
                var result = await sender.SendAsync(ivorn, packet, cancellation);
                if (!result.Acknowledged) log($"VOEvent {ivorn} refused by the broker (nak): {result.Reason}");
                results.Add(result);
            }
            catch (BrokerException error)
            {
                log(error.Message);
            }
        }
        return results;
    }

    private static string IvornOf(byte[] packet, string file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(packet), settings);
        try
        {
            reader.MoveToContent();
            return reader.GetAttribute("ivorn") is { Length: > 0 } ivorn
                ? ivorn
                : throw new InvalidDataException($"{file}: the VOEvent root element has no ivorn attribute; regenerate the packet with trap run.");
        }
        catch (XmlException error)
        {
            throw new InvalidDataException($"{file}: not a VOEvent packet ({error.Message}); remove it from the folder or regenerate it with trap run.", error);
        }
    }
}
