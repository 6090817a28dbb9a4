namespace Trap.Science.Extraction.Sky;

/// <summary>
/// RA, Dec in degrees → 0-based pixel; false when the position cannot be projected.
/// <c>CelestialWcs.TrySkyToPixel</c> has this shape.
/// </summary>
public delegate bool SkyToPixel(double raDeg, double decDeg, out double x, out double y);
