namespace Trap.Formats.Wcs;

/// <summary>Small spherical helpers every stage needs. Degrees at the edges, radians inside.</summary>
public static class SkyGeometry
{
    private const double DegToRad = Math.PI / 180.0;

    /// <summary>
    /// Great-circle separation in degrees of two positions given in degrees. Uses Vincenty's atan2
    /// form, which stays accurate for tiny separations (unlike acos of a dot product) and near 180°
    /// (unlike the haversine's asin).
    /// </summary>
    public static double SeparationDeg(double lon1Deg, double lat1Deg, double lon2Deg, double lat2Deg) =>
        SeparationRad(lon1Deg * DegToRad, lat1Deg * DegToRad, lon2Deg * DegToRad, lat2Deg * DegToRad) / DegToRad;

    /// <summary>Great-circle separation in radians of two positions given in radians (Vincenty form).</summary>
    public static double SeparationRad(double lon1, double lat1, double lon2, double lat2)
    {
        var (sinDl, cosDl) = Math.SinCos(lon2 - lon1);
        var (sin1, cos1) = Math.SinCos(lat1);
        var (sin2, cos2) = Math.SinCos(lat2);
        var a = cos2 * sinDl;
        var b = cos1 * sin2 - sin1 * cos2 * cosDl;
        return Math.Atan2(Math.Sqrt(a * a + b * b), sin1 * sin2 + cos1 * cos2 * cosDl);
    }

    /// <summary>A longitude (RA) in degrees brought into [0, 360).</summary>
    public static double NormalizeLongitudeDeg(double lonDeg)
    {
        var r = lonDeg % 360.0;
        if (r < 0) r += 360.0;
        // -1e-17 % 360 + 360 rounds to exactly 360.
        return r >= 360.0 ? r - 360.0 : r;
    }

    /// <summary>Longitude difference a − b in degrees, wrapped into (−180, 180].</summary>
    public static double LongitudeDifferenceDeg(double a, double b)
    {
        var d = (a - b) % 360;
        if (d > 180) d -= 360;
        if (d <= -180) d += 360;
        return d;
    }
}
