namespace Trap.Science.Extraction.Sky;

/// <summary>
/// 0-based pixel (x along NAXIS1, y along NAXIS2) → RA, Dec in degrees; false when the pixel has no sky
/// position. <c>CelestialWcs.TryPixelToSky</c> has this shape.
/// </summary>
public delegate bool PixelToSky(double x, double y, out double raDeg, out double decDeg);
