namespace Trap.Science.Extraction.Sky;

/// <summary>Small spherical helpers shared by the pixel → sky conversion. Degrees in, degrees out.</summary>
public static class SphericalGeometry
{
    private const double Rad = Math.PI / 180;

    /// <summary>Great-circle distance by the spherical law of cosines (argument clamped to ±1), as TraP.</summary>
    public static double DistanceDeg(double ra1, double dec1, double ra2, double dec2)
    {
        var cos = Math.Sin(dec1 * Rad) * Math.Sin(dec2 * Rad) +
                  Math.Cos(dec1 * Rad) * Math.Cos(dec2 * Rad) * Math.Cos((ra1 - ra2) * Rad);
        return Math.Acos(Math.Clamp(cos, -1, 1)) / Rad;
    }

    /// <summary>RA difference a − b wrapped into (−180, 180].</summary>
    public static double RaDifferenceDeg(double a, double b)
    {
        var d = (a - b) % 360;
        if (d > 180) d -= 360;
        if (d <= -180) d += 360;
        return d;
    }
}
