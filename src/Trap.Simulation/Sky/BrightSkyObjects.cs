namespace Trap.Simulation.Sky;

/// <summary>
/// The bright sources near which TraP's LOFAR quality control rejects an image (docs/science.md §3.6):
/// the A-team and the Sun. The survey layout keeps pointings away from them so that images meant
/// to be good are not rejected as "bright source near". Jupiter is not modelled: the default survey
/// date (2024-09-22) puts it 4° from Tau A, inside Tau A's avoidance zone.
/// </summary>
public static class BrightSkyObjects
{
    /// <summary>J2000 positions (docs/science.md §3.6).</summary>
    public static IReadOnlyList<(string Name, SkyPosition Position)> ATeam { get; } = new[]
    {
        ("CasA", new SkyPosition(350.8500, 58.8150)),
        ("CygA", new SkyPosition(299.8682, 40.7339)),
        ("TauA", new SkyPosition(83.6332, 22.0145)),
        ("HerA", new SkyPosition(252.7838, 4.9925)),
        ("VirA", new SkyPosition(187.7059, 12.3911)),
    };

    /// <summary>
    /// Position of the Sun in J2000 coordinates, good to about 0.01° for 1950-2050: the Astronomical
    /// Almanac's low-precision formula (which gives the equinox of date), with the general precession
    /// in longitude (1.39697° per century) taken off. Ample for keeping pointings 10° or more away.
    /// </summary>
    public static SkyPosition Sun(DateTime utc)
    {
        const double rad = Math.PI / 180.0;
        var n = (utc - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays;
        var meanLongitude = 280.460 + 0.9856474 * n;
        var meanAnomaly = (357.528 + 0.9856003 * n) * rad;
        var precession = 1.3969713 * n / 36525.0;
        var eclipticLongitude = (meanLongitude + 1.915 * Math.Sin(meanAnomaly) + 0.020 * Math.Sin(2 * meanAnomaly) - precession) * rad;
        var obliquity = 23.439291 * rad;
        var ra = Math.Atan2(Math.Cos(obliquity) * Math.Sin(eclipticLongitude), Math.Cos(eclipticLongitude)) / rad;
        var dec = Math.Asin(Math.Sin(obliquity) * Math.Sin(eclipticLongitude)) / rad;
        return new SkyPosition(ra < 0 ? ra + 360.0 : ra, dec);
    }

    /// <summary>
    /// The nearest bright object to <paramref name="position"/> at any time between the two instants
    /// (the Sun is sampled every day), with its separation in degrees.
    /// </summary>
    public static (string Name, double SeparationDeg) Nearest(SkyPosition position, DateTime startUtc, DateTime endUtc)
    {
        var best = ("", double.PositiveInfinity);
        foreach (var (name, at) in ATeam)
        {
            var separation = position.SeparationDeg(at);
            if (separation < best.Item2) best = (name, separation);
        }
        for (var t = startUtc; ; t = t.AddDays(1))
        {
            var when = t < endUtc ? t : endUtc;
            var separation = position.SeparationDeg(Sun(when));
            if (separation < best.Item2) best = ("Sun", separation);
            if (when >= endUtc) break;
        }
        return best;
    }
}
