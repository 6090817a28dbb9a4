using Trap.Formats.Fits;

namespace Trap.Formats.Wcs.Projections;

/// <summary>Maps a CTYPE projection code to its implementation, rewriting legacy NCP as slant SIN.</summary>
public static class ProjectionFactory
{
    /// <summary>The codes Trap understands.</summary>
    public static IReadOnlyList<string> SupportedCodes { get; } = ["SIN", "NCP", "TAN", "ARC", "STG", "ZEA", "AIT", "CAR"];

    /// <summary>
    /// The projection for a code. <paramref name="pv1"/> and <paramref name="pv2"/> are PVi_1 and PVi_2 of
    /// the latitude axis (used by SIN only); <paramref name="lat0Deg"/> is CRVAL of the latitude axis
    /// (used by NCP, which is SIN with ξ = 0 and η = cot δ0, as wcslib's celfix does).
    /// </summary>
    public static IProjection Create(string code, double pv1, double pv2, double lat0Deg, string file)
    {
        switch (code)
        {
            case "SIN": return new SinProjection(pv1, pv2);
            case "NCP":
                var (sinLat0, cosLat0) = Math.SinCos(lat0Deg * Math.PI / 180);
                if (Math.Abs(sinLat0) < 1e-12)
                {
                    throw new FitsFormatException(file,
                        "the NCP projection is undefined for a reference declination (CRVAL) of 0°",
                        "Re-export the image with the SIN projection.");
                }
                return new SinProjection(0, cosLat0 / sinLat0);
            case "TAN": return new TanProjection();
            case "ARC": return new ArcProjection();
            case "STG": return new StgProjection();
            case "ZEA": return new ZeaProjection();
            case "AIT": return new AitProjection();
            case "CAR": return new CarProjection();
            default:
                throw new FitsFormatException(file,
                    $"the WCS projection '{code}' is not supported",
                    $"Trap reads the projections {string.Join(", ", SupportedCodes)}; regrid the image to one of them (e.g. SIN or TAN).");
        }
    }
}
