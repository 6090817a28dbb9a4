namespace Trap.Science.Quality.Ephemeris;

/// <summary>Bodies the bright-source check follows through the sky.</summary>
public enum SolarSystemBody
{
    Sun,
    Jupiter,
}

/// <summary>
/// Low-precision geocentric positions of the Sun and Jupiter, J2000 equatorial frame, from Standish's
/// Keplerian elements (<see cref="KeplerianOrbit"/>) with the Earth taken at the Earth–Moon
/// barycentre, Jupiter's light time corrected and the Sun's annual aberration applied. Errors against
/// a full ephemeris: at most 0.006° for the Sun and 0.12° for Jupiter, far inside the bright-source
/// check's 10° (tests against astropy, 1990–2040).
/// </summary>
public static class SolarSystemEphemeris
{
    /// <summary>TT − UTC in days: 37 leap seconds (since 2017) + 32.184 s; off by under a minute for any date since 1972.</summary>
    private const double TtMinusUtcDays = 69.184 / 86400.0;

    private const double J2000JulianDate = 2451545.0;
    private const double UnixEpochJulianDate = 2440587.5;
    private const double DaysPerCentury = 36525.0;
    private const double LightDaysPerAu = 149_597_870_700.0 / 299_792_458.0 / 86400.0;
    private const double ObliquityJ2000Rad = 23.43928 * Math.PI / 180.0;

    /// <summary>Whether the elements are valid at this UTC instant (1800–2050).</summary>
    public static bool IsValid(DateTime utc) =>
        utc.Year >= KeplerianOrbit.FirstValidYear && utc.Year <= KeplerianOrbit.LastValidYear;

    /// <summary>
    /// Geocentric (RA, Dec) in degrees, J2000 equator and equinox, RA in [0, 360). Throws
    /// ArgumentOutOfRangeException outside 1800–2050, where the elements are not valid.
    /// </summary>
    public static (double RaDeg, double DecDeg) Position(SolarSystemBody body, DateTime utc)
    {
        if (!IsValid(utc))
        {
            throw new ArgumentOutOfRangeException(nameof(utc), utc,
                $"The low-precision ephemeris is valid {KeplerianOrbit.FirstValidYear}–{KeplerianOrbit.LastValidYear} only.");
        }
        var jdTt = UnixEpochJulianDate + (utc - DateTime.UnixEpoch).TotalDays + TtMinusUtcDays;
        var emb = KeplerianOrbit.EarthMoonBarycentre;
        var earth = emb.HeliocentricEcliptic(Centuries(jdTt));
        if (body == SolarSystemBody.Sun)
        {
            // The Sun sits at the origin; taking the Earth one light time earlier adds the annual aberration.
            var lagged = emb.HeliocentricEcliptic(Centuries(jdTt - Norm(earth) * LightDaysPerAu));
            return ToEquatorialDegrees((-lagged.X, -lagged.Y, -lagged.Z));
        }
        var geo = Minus(KeplerianOrbit.Jupiter.HeliocentricEcliptic(Centuries(jdTt)), earth);
        // Light time: see Jupiter where it was when the light left it (two passes converge far enough).
        for (var pass = 0; pass < 2; pass++)
        {
            var emitted = KeplerianOrbit.Jupiter.HeliocentricEcliptic(Centuries(jdTt - Norm(geo) * LightDaysPerAu));
            geo = Minus(emitted, earth);
        }
        return ToEquatorialDegrees(geo);
    }

    private static (double X, double Y, double Z) Minus((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        (a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    private static double Centuries(double jdTt) => (jdTt - J2000JulianDate) / DaysPerCentury;

    private static double Norm((double X, double Y, double Z) v) => Math.Sqrt(v.X * v.X + v.Y * v.Y + v.Z * v.Z);

    private static (double RaDeg, double DecDeg) ToEquatorialDegrees((double X, double Y, double Z) ecliptic)
    {
        double ce = Math.Cos(ObliquityJ2000Rad), se = Math.Sin(ObliquityJ2000Rad);
        var x = ecliptic.X;
        var y = ce * ecliptic.Y - se * ecliptic.Z;
        var z = se * ecliptic.Y + ce * ecliptic.Z;
        var ra = Math.Atan2(y, x) * 180.0 / Math.PI;
        var dec = Math.Atan2(z, Math.Sqrt(x * x + y * y)) * 180.0 / Math.PI;
        return (ra < 0 ? ra + 360.0 : ra, dec);
    }
}
