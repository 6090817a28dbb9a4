namespace Trap.Storage.Loading;

/// <summary>One VOEvent packet a run wrote: its file's name without .xml (the IVORN's part after '#') and its XML text.</summary>
public sealed record VoEventPacket(string LocalId, string Xml)
{
    /// <summary>The packets of a run's voevents/ folder (none when the folder is absent: alerts were off or no candidate was found).</summary>
    public static IReadOnlyList<VoEventPacket> ReadFolder(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal)
                .Select(f => new VoEventPacket(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList()
            : [];
}
