using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// LOFAR images with TraP's extra cards (LofarFitsImage: TELESCOP exactly 'LOFAR' and an ANTENNA card,
/// as written by tkp-inject and LOFAR converters): ANTENNA, NCORE, NREMOTE, NINTL, SUBBANDS, SUBBANDW
/// (Hz) and, when present, CHANNELS become <see cref="LofarFields"/> for the theoretical-noise check.
/// TAU_TIME, the integration time, is read on the generic path (it takes precedence over END_UTC there).
/// </summary>
public sealed class LofarParser : ITelescopeParser
{
    public string Name => "lofar";

    public bool Accepts(string telescope, FitsHeader header) => telescope == "LOFAR" && header.Contains("ANTENNA");

    public ImageMetadata Refine(ImageMetadata metadata, FitsHeader header)
    {
        var file = metadata.Url;
        var antennaSet = (header.GetString("ANTENNA") ?? string.Empty).Trim();
        if (antennaSet.Length == 0) throw Missing(file, "ANTENNA", "the antenna set, e.g. 'HBA_DUAL_INNER'");
        var fields = new LofarFields(
            antennaSet,
            header.GetInt("NCORE") ?? throw Missing(file, "NCORE", "the number of core stations"),
            header.GetInt("NREMOTE") ?? throw Missing(file, "NREMOTE", "the number of remote stations"),
            header.GetInt("NINTL") ?? throw Missing(file, "NINTL", "the number of international stations"),
            header.GetInt("SUBBANDS") ?? throw Missing(file, "SUBBANDS", "the number of subbands"),
            header.GetDouble("SUBBANDW") ?? throw Missing(file, "SUBBANDW", "the subband width in Hz"),
            header.GetInt("CHANNELS"));
        return metadata with { Lofar = fields };
    }

    private static ImageFormatException Missing(string file, string keyword, string meaning) =>
        new(file, $"LOFAR image (TELESCOP = 'LOFAR' with an ANTENNA card) without a valid {keyword} card ({meaning})",
            $"Add {keyword} to the header (tkp-inject style), or remove ANTENNA to read the image as generic FITS.");
}
