using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// Pixel sizes in degrees along NAXIS1 and NAXIS2: |CDELT1|, |CDELT2| (CUNIT 'rad', 'arcmin' or
/// 'arcsec' converted), or the column lengths of the CD matrix when there is no CDELT. Signs are
/// dropped because AARTFAAC writes CDELT1 &gt; 0 and CDELT2 &lt; 0. Pixels must be square to within
/// 1e-7 degrees, as TraP requires, because the beam and the source fits assume it.
/// </summary>
public static class PixelScaleParser
{
    public const double SquareToleranceDeg = 1e-7;

    public static (double Dx, double Dy) Parse(FitsHeader header, string file)
    {
        var dx = Size(header, 1, file);
        var dy = Size(header, 2, file);
        if (Math.Abs(dx - dy) > SquareToleranceDeg)
        {
            throw new ImageFormatException(file,
                $"the pixels are not square ({dx}° along x, {dy}° along y; they must agree within {SquareToleranceDeg}°)",
                "Regrid the image to square pixels (e.g. re-image with equal cell sizes).");
        }
        return (dx, dy);
    }

    private static double Size(FitsHeader header, int axis, string file)
    {
        double size;
        if (header.GetDouble($"CDELT{axis}") is { } cdelt)
        {
            size = Math.Abs(cdelt) * UnitScale(header.GetString($"CUNIT{axis}"), axis, file);
        }
        else if (header.Contains($"CD{axis}_{axis}") || header.Contains($"CD{3 - axis}_{axis}"))
        {
            // Column `axis` of the CD matrix: the sky step of one pixel along that array axis.
            size = Math.Sqrt(Square(header.GetDouble($"CD1_{axis}")) + Square(header.GetDouble($"CD2_{axis}")));
        }
        else
        {
            throw new ImageFormatException(file, $"no pixel size for axis {axis}: neither CDELT{axis} nor a CD matrix is in the header",
                "Add CDELT1 and CDELT2 (degrees per pixel) to the header.", fault: ImageFault.ImplausibleHeader);
        }
        if (!(size > 0) || double.IsInfinity(size))
        {
            throw new ImageFormatException(file, $"the pixel size along axis {axis} is {size}°, which is not valid",
                "Fix CDELT1/CDELT2 (or the CD matrix) in the header.", fault: ImageFault.ImplausibleHeader);
        }
        return size;
    }

    private static double Square(double? value) => (value ?? 0.0) * (value ?? 0.0);

    private static double UnitScale(string? unit, int axis, string file) => (unit ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "" or "deg" => 1.0,
        "rad" => 180.0 / Math.PI,
        "arcmin" => 1.0 / 60.0,
        "arcsec" => 1.0 / 3600.0,
        var other => throw new ImageFormatException(file, $"CUNIT{axis} = '{other}' is not an angle unit",
            "Use deg (or rad, arcmin, arcsec) for the celestial axes."),
    };
}
