using System.Globalization;
using Trap.Formats.Fits;
using Trap.Formats.Wcs.Projections;

namespace Trap.Formats.Wcs;

/// <summary>
/// The celestial part of a FITS WCS: pixel ↔ (RA, Dec) for the two celestial axes of an image.
/// Pixel coordinates are 0-based array indices along NAXIS1 (x) and NAXIS2 (y): index i is FITS
/// pixel i + 1 (TraP's convention, docs/science.md §4.1). Sky coordinates are degrees, RA in [0, 360).
/// The chain is FITS WCS Papers I and II as wcslib implements it: linear matrix, projection,
/// spherical rotation (see docs/science.md §10.7). Instances are immutable and thread-safe.
/// </summary>
public sealed class CelestialWcs
{
    private const double DegToRad = Math.PI / 180;
    private readonly LinearMatrix _inverse;

    private CelestialWcs(CelestialWcsParameters parameters, IProjection projection, SphericalRotation rotation)
    {
        Parameters = parameters;
        Projection = projection;
        Rotation = rotation;
        _inverse = parameters.Matrix.Inverse();
    }

    /// <summary>The resolved definition (reference values in degrees, 0-based reference pixel, matrix).</summary>
    public CelestialWcsParameters Parameters { get; }

    /// <summary>The projection in use (NCP appears here as slant SIN).</summary>
    public IProjection Projection { get; }

    /// <summary>Native ↔ celestial rotation, including the computed native pole.</summary>
    public SphericalRotation Rotation { get; }

    public CelestialSystem System => Parameters.System;

    /// <summary>Projection code as written in CTYPE (e.g. "SIN", "NCP").</summary>
    public string ProjectionCode => Parameters.ProjectionCode;

    /// <summary>FITS axis number (1-based) of the longitude axis.</summary>
    public int LongitudeAxis => Parameters.LongitudeAxis;

    /// <summary>FITS axis number (1-based) of the latitude axis.</summary>
    public int LatitudeAxis => Parameters.LatitudeAxis;

    /// <summary>CRVAL of the longitude axis (degrees).</summary>
    public double ReferenceLongitudeDeg => Parameters.ReferenceLongitudeDeg;

    /// <summary>CRVAL of the latitude axis (degrees).</summary>
    public double ReferenceLatitudeDeg => Parameters.ReferenceLatitudeDeg;

    /// <summary>Degrees per pixel; rows (longitude, latitude), columns (x, y).</summary>
    public LinearMatrix Matrix => Parameters.Matrix;

    /// <summary>Pixel size along x in degrees at the reference point: |CDELT1|, or from the CD matrix.</summary>
    public double PixelScaleXDeg => Parameters.Matrix.ScaleXDeg;

    /// <summary>Pixel size along y in degrees at the reference point: |CDELT2|, or from the CD matrix.</summary>
    public double PixelScaleYDeg => Parameters.Matrix.ScaleYDeg;

    /// <summary>LONPOLE in effect (degrees), the header's value or the standard's default.</summary>
    public double LonPoleDeg => Rotation.PhiPole / DegToRad;

    /// <summary>Builds the WCS from a header (PC, CD or CROTA2; CUNIT; LONPOLE/LATPOLE; PV). Throws
    /// <see cref="FitsFormatException"/> naming <paramref name="file"/> when the WCS cannot be used.</summary>
    public static CelestialWcs FromHeader(FitsHeader header, string file) =>
        FromParameters(WcsHeaderReader.Read(header, file), file);

    /// <summary>Builds the WCS from resolved parameters (e.g. for synthetic images). <paramref name="source"/>
    /// names the origin in error messages.</summary>
    public static CelestialWcs FromParameters(CelestialWcsParameters parameters, string source = "synthetic WCS")
    {
        Validate(parameters, source);
        var projection = ProjectionFactory.Create(parameters.ProjectionCode, parameters.ProjectionParameter1,
            parameters.ProjectionParameter2, parameters.ReferenceLatitudeDeg, source);
        var rotation = SphericalRotation.Create(parameters.ReferenceLongitudeDeg, parameters.ReferenceLatitudeDeg,
            projection.Theta0, parameters.LonPoleDeg, parameters.LatPoleDeg, source);
        return new CelestialWcs(parameters, projection, rotation);
    }

    /// <summary>Pixel → sky. Returns false when the pixel has no sky position (beyond a projection's boundary).</summary>
    public bool TryPixelToSky(double x, double y, out double raDeg, out double decDeg)
    {
        var (ix, iy) = Parameters.Matrix.Apply(x - Parameters.ReferencePixelX, y - Parameters.ReferencePixelY);
        if (!double.IsFinite(ix) || !double.IsFinite(iy) ||
            !Projection.TryDeproject(ix * DegToRad, iy * DegToRad, out var phi, out var theta))
        {
            return ProjectionMath.Fail(out raDeg, out decDeg);
        }
        var (lon, lat) = Rotation.ToCelestial(phi, theta);
        raDeg = SkyGeometry.NormalizeLongitudeDeg(lon / DegToRad);
        decDeg = lat / DegToRad;
        return true;
    }

    /// <summary>Sky → pixel. Returns false when the position cannot be projected (e.g. the far hemisphere for SIN).</summary>
    public bool TrySkyToPixel(double raDeg, double decDeg, out double x, out double y)
    {
        if (!double.IsFinite(raDeg) || !double.IsFinite(decDeg) || Math.Abs(decDeg) > 90) return ProjectionMath.Fail(out x, out y);
        var (phi, theta) = Rotation.ToNative(raDeg * DegToRad, decDeg * DegToRad);
        if (!Projection.TryProject(phi, theta, out var px, out var py)) return ProjectionMath.Fail(out x, out y);
        var (dx, dy) = _inverse.Apply(px / DegToRad, py / DegToRad);
        x = Parameters.ReferencePixelX + dx;
        y = Parameters.ReferencePixelY + dy;
        if (!double.IsFinite(x) || !double.IsFinite(y)) return ProjectionMath.Fail(out x, out y);
        return true;
    }

    /// <summary>
    /// Writes this WCS as FITS keywords (CTYPE, CRVAL, CRPIX, CUNIT, and CDELT or, for a rotated
    /// matrix, CD; LONPOLE, LATPOLE and PV when set), replacing existing ones. Reading the header back
    /// gives the same WCS.
    /// </summary>
    public void AddToHeader(FitsHeader header)
    {
        var p = Parameters;
        var (lonPrefix, latPrefix) = p.System switch
        {
            CelestialSystem.Galactic => ("GLON", "GLAT"),
            CelestialSystem.Ecliptic => ("ELON", "ELAT"),
            _ => ("RA--", "DEC-"),
        };
        var (lon, lat) = (p.LongitudeAxis, p.LatitudeAxis);
        var (xAxis, yAxis) = (Math.Min(lon, lat), Math.Max(lon, lat));
        header.Set(FitsCard.OfString($"CTYPE{lon}", $"{lonPrefix}-{p.ProjectionCode}"));
        header.Set(FitsCard.OfString($"CTYPE{lat}", $"{latPrefix}-{p.ProjectionCode}"));
        header.Set(FitsCard.OfReal($"CRVAL{lon}", p.ReferenceLongitudeDeg));
        header.Set(FitsCard.OfReal($"CRVAL{lat}", p.ReferenceLatitudeDeg));
        header.Set(FitsCard.OfReal($"CRPIX{xAxis}", p.ReferencePixelX + 1));
        header.Set(FitsCard.OfReal($"CRPIX{yAxis}", p.ReferencePixelY + 1));
        header.Set(FitsCard.OfString($"CUNIT{lon}", "deg"));
        header.Set(FitsCard.OfString($"CUNIT{lat}", "deg"));
        var m = p.Matrix;
        var diagonal = lon < lat ? m.M12 == 0 && m.M21 == 0 : m.M11 == 0 && m.M22 == 0;
        if (diagonal)
        {
            header.Set(FitsCard.OfReal($"CDELT{lon}", lon < lat ? m.M11 : m.M12));
            header.Set(FitsCard.OfReal($"CDELT{lat}", lon < lat ? m.M22 : m.M21));
        }
        else
        {
            header.Set(FitsCard.OfReal($"CD{lon}_{xAxis}", m.M11));
            header.Set(FitsCard.OfReal($"CD{lon}_{yAxis}", m.M12));
            header.Set(FitsCard.OfReal($"CD{lat}_{xAxis}", m.M21));
            header.Set(FitsCard.OfReal($"CD{lat}_{yAxis}", m.M22));
        }
        if (p.LonPoleDeg is { } lonPole) header.Set(FitsCard.OfReal("LONPOLE", lonPole));
        if (p.LatPoleDeg is { } latPole) header.Set(FitsCard.OfReal("LATPOLE", latPole));
        if (p.ProjectionParameter1 != 0 || p.ProjectionParameter2 != 0)
        {
            header.Set(FitsCard.OfReal($"PV{lat}_1", p.ProjectionParameter1));
            header.Set(FitsCard.OfReal($"PV{lat}_2", p.ProjectionParameter2));
        }
    }

    private static void Validate(CelestialWcsParameters p, string source)
    {
        double[] values = [p.ReferenceLongitudeDeg, p.ReferenceLatitudeDeg, p.ReferencePixelX, p.ReferencePixelY,
            p.ProjectionParameter1, p.ProjectionParameter2, p.LonPoleDeg ?? 0, p.LatPoleDeg ?? 0];
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new FitsFormatException(source, "a WCS value (CRVAL, CRPIX, LONPOLE, LATPOLE or PV) is not a finite number",
                "Fix the header keyword that holds NaN or infinity.");
        }
        if (Math.Abs(p.ReferenceLatitudeDeg) > 90)
        {
            throw new FitsFormatException(source,
                $"the reference latitude (CRVAL{p.LatitudeAxis}) is {p.ReferenceLatitudeDeg.ToString(CultureInfo.InvariantCulture)}°, beyond ±90°",
                "Check CRVAL and CUNIT of the latitude axis.");
        }
        if (p.LongitudeAxis < 1 || p.LatitudeAxis < 1 || p.LongitudeAxis == p.LatitudeAxis)
        {
            throw new FitsFormatException(source,
                $"the celestial axes must be two distinct FITS axes (got {p.LongitudeAxis} and {p.LatitudeAxis})",
                "Give the longitude and latitude axes different axis numbers from 1 up.");
        }
        if (p.Matrix.IsSingular)
        {
            throw new FitsFormatException(source, $"the linear WCS matrix {p.Matrix} is singular",
                "Give non-zero pixel sizes (CDELT) and a matrix whose rows are not parallel.");
        }
    }
}
