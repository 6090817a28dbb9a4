using System.Globalization;
using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// Refuses celestial reference values that cannot be right before the WCS silently turns them into a
/// wrong sky position: a missing CRVAL (the WCS default 0 would put the image at RA 0 and start a
/// new sky region full of spurious new sources), a non-finite one, a latitude beyond ±90° or a
/// longitude beyond ±10⁴ (which normalising to [0, 360) would hide). Pixel sizes are checked by
/// <see cref="PixelScaleParser"/>, dates by <see cref="ObservationTimeParser"/>, the plane size by
/// <see cref="ImageSizeBudget"/>.
/// </summary>
public static class HeaderSanity
{
    /// <summary>|CRVAL| of a longitude axis beyond this is not an angle any writer means.</summary>
    public const double MaxAbsLongitude = 1e4;

    private static readonly string[] Longitudes = ["RA--", "GLON", "ELON"];
    private static readonly string[] Latitudes = ["DEC-", "GLAT", "ELAT"];

    public static void CheckCelestialReference(FitsHeader header, string url)
    {
        if (HeaderAxes.Find(header, c => Longitudes.Any(c.StartsWith)) is { } lon)
        {
            var value = Required(header, lon, url);
            if (Math.Abs(value) >= MaxAbsLongitude) throw Implausible(url, lon, value, $"beyond ±{MaxAbsLongitude:G0}");
        }
        if (HeaderAxes.Find(header, c => Latitudes.Any(c.StartsWith)) is { } lat)
        {
            var value = Required(header, lat, url);
            var inDegrees = (header.GetString($"CUNIT{lat}")?.Trim().ToLowerInvariant() ?? "deg") is "" or "deg";
            if (inDegrees && Math.Abs(value) > 90) throw Implausible(url, lat, value, "beyond ±90°");
        }
    }

    private static double Required(FitsHeader header, int axis, string url)
    {
        var value = header.GetDouble($"CRVAL{axis}") ?? throw new ImageFormatException(url,
            $"CRVAL{axis} (the reference {HeaderAxes.CType(header, axis)} of the image) is missing",
            $"Add CRVAL{axis} to the header; Trap does not guess a sky position.", fault: ImageFault.ImplausibleHeader);
        return double.IsFinite(value) ? value : throw Implausible(url, axis, value, "not a finite number");
    }

    private static ImageFormatException Implausible(string url, int axis, double value, string why) =>
        new(url, $"CRVAL{axis} = {value.ToString("G6", CultureInfo.InvariantCulture)} is {why}",
            $"Fix CRVAL{axis} (and CUNIT{axis}) in the header.", fault: ImageFault.ImplausibleHeader);
}
