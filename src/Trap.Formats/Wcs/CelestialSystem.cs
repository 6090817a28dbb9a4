namespace Trap.Formats.Wcs;

/// <summary>The spherical coordinate system of the celestial axes, from the CTYPE prefixes.</summary>
public enum CelestialSystem
{
    /// <summary>RA---xxx / DEC--xxx (FK5, ICRS: no frame conversion is done, as in TraP).</summary>
    Equatorial,
    /// <summary>GLON-xxx / GLAT-xxx.</summary>
    Galactic,
    /// <summary>ELON-xxx / ELAT-xxx.</summary>
    Ecliptic,
}
