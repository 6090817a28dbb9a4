namespace Trap.Science.Quality;

/// <summary>Great-circle distance between two sky positions.</summary>
public static class AngularSeparation
{
    /// <summary>Separation in degrees of two (RA, Dec) positions in degrees (Vincenty's formula: exact at 0° and 180°).</summary>
    public static double Degrees(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg)
    {
        const double deg = Math.PI / 180.0;
        var dRa = (ra2Deg - ra1Deg) * deg;
        double s1 = Math.Sin(dec1Deg * deg), c1 = Math.Cos(dec1Deg * deg);
        double s2 = Math.Sin(dec2Deg * deg), c2 = Math.Cos(dec2Deg * deg);
        var x = c2 * Math.Sin(dRa);
        var y = c1 * s2 - s1 * c2 * Math.Cos(dRa);
        var z = s1 * s2 + c1 * c2 * Math.Cos(dRa);
        return Math.Atan2(Math.Sqrt(x * x + y * y), z) / deg;
    }
}
