namespace Trap.Formats.Wcs;

/// <summary>
/// Everything that defines a celestial WCS, already resolved from the header's keywords (units
/// converted to degrees, matrix precedence applied). Build one directly to make a WCS without a
/// header, e.g. for a synthetic survey.
/// </summary>
public sealed record CelestialWcsParameters
{
    /// <summary>Projection code as in CTYPE: SIN, NCP, TAN, ARC, STG, ZEA, AIT or CAR.</summary>
    public string ProjectionCode { get; init; } = "SIN";

    public CelestialSystem System { get; init; } = CelestialSystem.Equatorial;

    /// <summary>CRVAL of the longitude axis (degrees).</summary>
    public double ReferenceLongitudeDeg { get; init; }

    /// <summary>CRVAL of the latitude axis (degrees).</summary>
    public double ReferenceLatitudeDeg { get; init; }

    /// <summary>Reference pixel along x, 0-based (FITS CRPIX − 1).</summary>
    public double ReferencePixelX { get; init; }

    /// <summary>Reference pixel along y, 0-based (FITS CRPIX − 1).</summary>
    public double ReferencePixelY { get; init; }

    /// <summary>Degrees per pixel; rows (longitude, latitude), columns (x, y).</summary>
    public LinearMatrix Matrix { get; init; } = LinearMatrix.Diagonal(-1.0 / 3600, 1.0 / 3600);

    /// <summary>LONPOLE (degrees), or null for the standard's default.</summary>
    public double? LonPoleDeg { get; init; }

    /// <summary>LATPOLE (degrees), or null for the default (+90°); matters only for AIT and CAR.</summary>
    public double? LatPoleDeg { get; init; }

    /// <summary>PVi_1 of the latitude axis (SIN's ξ).</summary>
    public double ProjectionParameter1 { get; init; }

    /// <summary>PVi_2 of the latitude axis (SIN's η).</summary>
    public double ProjectionParameter2 { get; init; }

    /// <summary>FITS axis number (1-based) of the longitude axis.</summary>
    public int LongitudeAxis { get; init; } = 1;

    /// <summary>FITS axis number (1-based) of the latitude axis.</summary>
    public int LatitudeAxis { get; init; } = 2;

    /// <summary>The common case: no rotation, pixel sizes CDELT1 and CDELT2, reference pixel given 0-based.</summary>
    public static CelestialWcsParameters Simple(string projectionCode, double raDeg, double decDeg,
        double referencePixelX, double referencePixelY, double cdelt1Deg, double cdelt2Deg) => new()
    {
        ProjectionCode = projectionCode,
        ReferenceLongitudeDeg = raDeg,
        ReferenceLatitudeDeg = decDeg,
        ReferencePixelX = referencePixelX,
        ReferencePixelY = referencePixelY,
        Matrix = LinearMatrix.Diagonal(cdelt1Deg, cdelt2Deg),
    };
}
