using Trap.Formats.Fits;

namespace Trap.Formats.Wcs;

/// <summary>
/// The celestial part of a FITS WCS: pixel ↔ (RA, Dec) for the two celestial axes of an image.
/// Pixel coordinates are 0-based array indices along NAXIS1 (x) and NAXIS2 (y): index i is FITS
/// pixel i + 1 (TraP's convention, trap-facts §4.1). Sky coordinates are degrees, RA in [0, 360).
/// </summary>
public sealed class CelestialWcs
{
    /// <summary>Builds the WCS from a header (PC, CD or CROTA; CUNIT; LONPOLE/LATPOLE; PV).</summary>
    public static CelestialWcs FromHeader(FitsHeader header, string file) => throw new NotImplementedException();

    /// <summary>Pixel → sky. Returns false when the pixel has no sky position (beyond a projection's boundary).</summary>
    public bool TryPixelToSky(double x, double y, out double raDeg, out double decDeg) => throw new NotImplementedException();

    /// <summary>Sky → pixel. Returns false when the position cannot be projected (e.g. the far hemisphere for SIN).</summary>
    public bool TrySkyToPixel(double raDeg, double decDeg, out double x, out double y) => throw new NotImplementedException();
}
