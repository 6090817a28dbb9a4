namespace Trap.Formats.Fits;

/// <summary>
/// How stored values map to physical ones: physical = BZERO + BSCALE × stored (defaults 1 and 0),
/// and for integer BITPIX only, the stored BLANK value that marks an undefined pixel (read as NaN).
/// </summary>
public readonly record struct FitsScaling(double BScale, double BZero, long? Blank)
{
    /// <summary>True when physical values equal stored values.</summary>
    public bool IsIdentity => BScale == 1.0 && BZero == 0.0;

    /// <summary>Scaling from a header; BLANK is ignored for floating-point BITPIX, as the standard says.</summary>
    public static FitsScaling FromHeader(FitsHeader header, int bitpix) =>
        new(header.GetDouble("BSCALE") ?? 1.0, header.GetDouble("BZERO") ?? 0.0, bitpix > 0 ? header.GetLong("BLANK") : null);
}
