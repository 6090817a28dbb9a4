namespace Trap.Formats.Fits;

/// <summary>
/// The image HDU Trap reads from a FITS file: its header, its axis lengths (NAXIS1..NAXISn) and where
/// its data start (bytes from the start of the FITS data stream, after any gzip decompression).
/// <see cref="HduIndex"/> is 0 for the primary HDU.
/// </summary>
public sealed record FitsImageHdu(FitsHeader Header, int[] Axes, int HduIndex, long DataOffset)
{
    private static readonly string[] CelestialPrefixes = ["RA--", "DEC-", "GLON", "GLAT", "ELON", "ELAT"];

    public int Width => Axes[0];

    public int Height => Axes[1];

    public int BitPix => Header.GetInt("BITPIX") ?? 0;

    /// <summary>Values in one plane: NAXIS1 × NAXIS2.</summary>
    public long PlaneLength => (long)Width * Height;

    /// <summary>Number of NAXIS1×NAXIS2 planes: the product of NAXIS3…NAXISn (1 for a 2-D image or
    /// when every extra axis is degenerate).</summary>
    public long PlaneCount => Axes.Skip(2).Aggregate(1L, (product, n) => product * n);

    /// <summary>True when an axis beyond the first two has more than one pixel (a cube or full
    /// Stokes image); only one plane is read, plane 0 unless asked otherwise.</summary>
    public bool IsCube => PlaneCount > 1;

    /// <summary>Things about this image a caller should tell the user: a cube of which only one plane
    /// is read, or first two axes that are not celestial.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            var warnings = new List<string>();
            if (IsCube)
            {
                var extra = string.Join(" × ", Axes.Skip(2).Select((n, i) => $"NAXIS{i + 3} = {n} ({Header.GetString($"CTYPE{i + 3}")?.Trim() ?? "no CTYPE"})"));
                warnings.Add($"the image is a cube with {PlaneCount} planes ({extra}); only one plane is read");
            }
            var ctype1 = Header.GetString("CTYPE1");
            var ctype2 = Header.GetString("CTYPE2");
            if (ctype1 is not null && ctype2 is not null && !(IsCelestial(ctype1) && IsCelestial(ctype2)))
            {
                warnings.Add($"axes 1 and 2 are '{ctype1.Trim()}' and '{ctype2.Trim()}', not celestial; the plane may not be a sky image");
            }
            return warnings;
        }
    }

    private static bool IsCelestial(string ctype)
    {
        var head = ctype.Trim().ToUpperInvariant().PadRight(4, '-')[..4];
        return CelestialPrefixes.Contains(head);
    }
}
