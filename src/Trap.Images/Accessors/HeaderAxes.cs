using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// Finds WCS axes by CTYPE rather than position (writers order them differently), over all axis
/// numbers a header describes: max(NAXIS, WCSAXES, highest CTYPEn/CRVALn present), because a WSClean
/// cutout keeps its FREQ axis as axis 3 of WCSAXES = 4 while NAXIS = 2.
/// </summary>
public static class HeaderAxes
{
    /// <summary>The number of WCS axes the header describes.</summary>
    public static int Count(FitsHeader header)
    {
        var count = Math.Max(header.GetInt("NAXIS") ?? 0, header.GetInt("WCSAXES") ?? 0);
        foreach (var card in header.Cards)
        {
            if (TryAxisNumber(card.Keyword, "CTYPE", out var n) || TryAxisNumber(card.Keyword, "CRVAL", out n))
            {
                count = Math.Max(count, n);
            }
        }
        return count;
    }

    /// <summary>The 1-based number of the first axis whose CTYPE satisfies the predicate, or null.</summary>
    public static int? Find(FitsHeader header, Func<string, bool> ctypeMatches)
    {
        var count = Count(header);
        for (var i = 1; i <= count; i++)
        {
            if (ctypeMatches(CType(header, i))) return i;
        }
        return null;
    }

    /// <summary>CTYPEn upper-cased and trimmed, "" when absent.</summary>
    public static string CType(FitsHeader header, int axis) =>
        (header.GetString($"CTYPE{axis}") ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>
    /// The world value of an axis at FITS pixel 1 (the plane Trap reads): CRVAL + CDELT·(1 − CRPIX),
    /// with CDELT 1 and CRPIX 1 when absent, as the FITS standard defaults them.
    /// </summary>
    public static double ValueAtFirstPixel(FitsHeader header, int axis) =>
        (header.GetDouble($"CRVAL{axis}") ?? 0.0) + Increment(header, axis) * (1.0 - (header.GetDouble($"CRPIX{axis}") ?? 1.0));

    /// <summary>CDELTn, 1 when absent.</summary>
    public static double Increment(FitsHeader header, int axis) => header.GetDouble($"CDELT{axis}") ?? 1.0;

    private static bool TryAxisNumber(string keyword, string prefix, out int axis)
    {
        axis = 0;
        return keyword.StartsWith(prefix, StringComparison.Ordinal) &&
               int.TryParse(keyword.AsSpan(prefix.Length), System.Globalization.NumberStyles.None,
                   System.Globalization.CultureInfo.InvariantCulture, out axis) && axis is > 0 and < 100;
    }
}
