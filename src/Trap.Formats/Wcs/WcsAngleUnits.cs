using Trap.Formats.Fits;

namespace Trap.Formats.Wcs;

/// <summary>CUNIT values of celestial axes, as degrees per unit.</summary>
internal static class WcsAngleUnits
{
    /// <summary>Degrees per unit of a CUNIT value (case-insensitive; blank means degrees).</summary>
    public static double DegreesPerUnit(string? unit, string keyword, string file)
    {
        switch (unit?.Trim().ToLowerInvariant())
        {
            case null or "" or "deg" or "degree" or "degrees": return 1.0;
            case "rad" or "radian" or "radians": return 180.0 / Math.PI;
            case "arcmin": return 1.0 / 60;
            case "arcsec": return 1.0 / 3600;
            case "mas": return 1.0 / 3_600_000;
            default:
                throw new FitsFormatException(file, $"{keyword} = '{unit}' is not an angle unit for a celestial axis",
                    "Set it to deg, rad, arcmin or arcsec (or remove it for degrees).");
        }
    }
}
