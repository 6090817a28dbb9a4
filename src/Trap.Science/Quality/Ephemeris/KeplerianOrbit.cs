namespace Trap.Science.Quality.Ephemeris;

/// <summary>
/// Mean Keplerian elements and their rates per Julian century from J2000 (TDB), referred to the
/// mean ecliptic and equinox of J2000, as tabulated by E. M. Standish, "Keplerian Elements for
/// Approximate Positions of the Major Planets" (JPL, Table 1: valid 1800 AD – 2050 AD).
/// Lengths in au, angles in degrees.
/// </summary>
public sealed record KeplerianOrbit(
    double A, double E, double I, double L, double LongPerihelion, double LongNode,
    double ARate, double ERate, double IRate, double LRate, double LongPerihelionRate, double LongNodeRate)
{
    /// <summary>Earth–Moon barycentre (Standish Table 1).</summary>
    public static readonly KeplerianOrbit EarthMoonBarycentre = new(
        1.00000261, 0.01671123, -0.00001531, 100.46457166, 102.93768193, 0.0,
        0.00000562, -0.00004392, -0.01294668, 35999.37244981, 0.32327364, 0.0);

    /// <summary>Jupiter (Standish Table 1).</summary>
    public static readonly KeplerianOrbit Jupiter = new(
        5.20288700, 0.04838624, 1.30439695, 34.39644051, 14.72847983, 100.47390909,
        -0.00011607, -0.00013253, -0.00183714, 3034.74612775, 0.21252668, 0.20469106);

    /// <summary>First and last years the Table 1 elements are valid for.</summary>
    public const int FirstValidYear = 1800;
    public const int LastValidYear = 2050;

    /// <summary>Heliocentric position (au) in the J2000 ecliptic frame, T in Julian centuries of TT from J2000.</summary>
    public (double X, double Y, double Z) HeliocentricEcliptic(double t)
    {
        const double deg = Math.PI / 180.0;
        var a = A + ARate * t;
        var e = E + ERate * t;
        var inc = (I + IRate * t) * deg;
        var meanLongitude = L + LRate * t;
        var perihelion = LongPerihelion + LongPerihelionRate * t;
        var node = (LongNode + LongNodeRate * t) * deg;
        var argPerihelion = perihelion * deg - node;
        var meanAnomaly = Math.IEEERemainder((meanLongitude - perihelion) * deg, 2 * Math.PI);
        var ecc = SolveKepler(meanAnomaly, e);
        // Position in the orbital plane, x towards perihelion.
        var xp = a * (Math.Cos(ecc) - e);
        var yp = a * Math.Sqrt(1 - e * e) * Math.Sin(ecc);
        double cw = Math.Cos(argPerihelion), sw = Math.Sin(argPerihelion);
        double cn = Math.Cos(node), sn = Math.Sin(node);
        double ci = Math.Cos(inc), si = Math.Sin(inc);
        return (
            (cw * cn - sw * sn * ci) * xp + (-sw * cn - cw * sn * ci) * yp,
            (cw * sn + sw * cn * ci) * xp + (-sw * sn + cw * cn * ci) * yp,
            sw * si * xp + cw * si * yp);
    }

    /// <summary>Eccentric anomaly E solving Kepler's equation M = E − e·sin E, by Newton iteration (radians).</summary>
    private static double SolveKepler(double meanAnomaly, double e)
    {
        var ecc = meanAnomaly + e * Math.Sin(meanAnomaly);
        for (var i = 0; i < 20; i++)
        {
            var delta = (ecc - e * Math.Sin(ecc) - meanAnomaly) / (1 - e * Math.Cos(ecc));
            ecc -= delta;
            if (Math.Abs(delta) < 1e-12) break;
        }
        return ecc;
    }
}
