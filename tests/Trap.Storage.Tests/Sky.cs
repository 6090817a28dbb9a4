namespace Trap.Storage.Tests;

/// <summary>Independent spherical geometry for checking the database's answers.</summary>
public static class Sky
{
    public static (double X, double Y, double Z) UnitVector(double raDeg, double decDeg)
    {
        var ra = raDeg * Math.PI / 180;
        var dec = decDeg * Math.PI / 180;
        return (Math.Cos(dec) * Math.Cos(ra), Math.Cos(dec) * Math.Sin(ra), Math.Sin(dec));
    }

    /// <summary>Great-circle distance in degrees by the haversine formula (accurate at small angles).</summary>
    public static double DistanceDeg(double ra1, double dec1, double ra2, double dec2)
    {
        double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(dec2 - dec1) / 2), 2) + Math.Cos(Rad(dec1)) * Math.Cos(Rad(dec2)) * Math.Pow(Math.Sin(Rad(ra2 - ra1) / 2), 2);
        return 2 * Math.Asin(Math.Min(1, Math.Sqrt(h))) * 180 / Math.PI;
    }
}
