namespace Trap.Science.Extraction.Sky;

/// <summary>RA arithmetic for the pixel → sky conversion (distances come from Trap.Formats' SkyGeometry).</summary>
public static class SphericalGeometry
{
    /// <summary>RA difference a − b in degrees, wrapped into (−180, 180].</summary>
    public static double RaDifferenceDeg(double a, double b)
    {
        var d = (a - b) % 360;
        if (d > 180) d -= 360;
        if (d <= -180) d += 360;
        return d;
    }
}
