namespace Trap.Formats.Fits;

/// <summary>
/// The structural facts of one HDU (FITS 4.0 §4.4.1): what kind it is, BITPIX, the axis lengths,
/// PCOUNT and GCOUNT, and from them the size of its data in bytes.
/// </summary>
internal sealed record FitsHduLayout(string Kind, int BitPix, int[] Axes, long PCount, long GCount, bool RandomGroups)
{
    public const string Primary = "PRIMARY";

    public int BytesPerValue => Math.Abs(BitPix) / 8;

    /// <summary>|BITPIX|/8 × GCOUNT × (PCOUNT + NAXIS1 × … × NAXISn); random groups leave NAXIS1 out.</summary>
    public long DataBytes
    {
        get
        {
            if (Axes.Length == 0) return 0;
            long count = 1;
            for (var i = RandomGroups ? 1 : 0; i < Axes.Length; i++) count = checked(count * Axes[i]);
            return checked(BytesPerValue * GCount * (PCount + count));
        }
    }

    /// <summary>The data size rounded up to whole 2880-byte blocks: the distance to the next HDU.</summary>
    public long PaddedDataBytes => (DataBytes + FitsHeaderReader.BlockSize - 1) / FitsHeaderReader.BlockSize * FitsHeaderReader.BlockSize;

    /// <summary>A primary HDU or IMAGE extension with at least two axes and some data.</summary>
    public bool IsImage =>
        (Kind == Primary || Kind == "IMAGE") && !RandomGroups && Axes.Length >= 2 && Axes.All(n => n > 0);

    /// <summary>Reads the structural keywords of a header; throws when they are missing or illegal.</summary>
    public static FitsHduLayout FromHeader(FitsHeader header, string file, int hduIndex)
    {
        var where = hduIndex == 0 ? "the primary header" : $"the header of HDU {hduIndex}";
        var kind = hduIndex == 0 ? Primary : (header.GetString("XTENSION") ?? string.Empty).Trim().ToUpperInvariant();
        if (hduIndex == 0 && header.GetBool("SIMPLE") != true)
        {
            throw new FitsFormatException(file, "the primary header does not start with SIMPLE = T",
                "The file does not conform to FITS; re-export it from the imager.");
        }

        var bitpix = header.GetInt("BITPIX") ?? throw Missing(file, where, "BITPIX");
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
        {
            throw new FitsFormatException(file, $"{where} has BITPIX = {bitpix}, which FITS does not allow",
                "BITPIX must be 8, 16, 32, 64, -32 or -64; the file is damaged or not FITS.");
        }
        var naxis = header.GetInt("NAXIS") ?? throw Missing(file, where, "NAXIS");
        if (naxis is < 0 or > 999)
        {
            throw new FitsFormatException(file, $"{where} has NAXIS = {naxis}", "NAXIS must be 0 to 999; the file is damaged.");
        }
        var axes = new int[naxis];
        for (var i = 0; i < naxis; i++)
        {
            var key = $"NAXIS{i + 1}";
            var length = header.GetLong(key) ?? throw Missing(file, where, key);
            if (length is < 0 or > int.MaxValue)
            {
                throw new FitsFormatException(file, $"{where} has {key} = {length}",
                    "Axis lengths must be between 0 and 2^31-1; the file is damaged.");
            }
            axes[i] = (int)length;
        }
        var groups = hduIndex == 0 && header.GetBool("GROUPS") == true && naxis > 0 && axes[0] == 0;
        var pcount = header.GetLong("PCOUNT") ?? 0;
        var gcount = header.GetLong("GCOUNT") ?? 1;
        if (pcount < 0 || gcount < 0)
        {
            throw new FitsFormatException(file, $"{where} has PCOUNT = {pcount}, GCOUNT = {gcount}",
                "PCOUNT and GCOUNT must not be negative; the file is damaged.");
        }
        return new FitsHduLayout(kind, bitpix, axes, pcount, gcount, groups);
    }

    private static FitsFormatException Missing(string file, string where, string keyword) =>
        new(file, $"{where} has no {keyword} keyword", "The file does not conform to FITS; re-export it from the imager.");
}
