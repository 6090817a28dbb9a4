namespace Trap.Images.Accessors;

/// <summary>
/// Converts header times in the scale named by TIMESYS to UTC. UTC (and UT, and an absent TIMESYS)
/// pass unchanged; TAI, TT/TDT/ET and GPS are shifted by the leap seconds in force (TAI − UTC, IERS
/// Bulletin C); anything else (LOCAL, TDB, TCG...) is refused because converting it needs more than a
/// fixed offset.
/// </summary>
public static class TimeScales
{
    // (first UTC day the value applies, TAI − UTC in seconds); integral leap seconds began in 1972.
    private static readonly (DateTime From, int Seconds)[] LeapSeconds =
    {
        (new DateTime(1972, 1, 1), 10), (new DateTime(1972, 7, 1), 11), (new DateTime(1973, 1, 1), 12),
        (new DateTime(1974, 1, 1), 13), (new DateTime(1975, 1, 1), 14), (new DateTime(1976, 1, 1), 15),
        (new DateTime(1977, 1, 1), 16), (new DateTime(1978, 1, 1), 17), (new DateTime(1979, 1, 1), 18),
        (new DateTime(1980, 1, 1), 19), (new DateTime(1981, 7, 1), 20), (new DateTime(1982, 7, 1), 21),
        (new DateTime(1983, 7, 1), 22), (new DateTime(1985, 7, 1), 23), (new DateTime(1988, 1, 1), 24),
        (new DateTime(1990, 1, 1), 25), (new DateTime(1991, 1, 1), 26), (new DateTime(1992, 7, 1), 27),
        (new DateTime(1993, 7, 1), 28), (new DateTime(1994, 7, 1), 29), (new DateTime(1996, 1, 1), 30),
        (new DateTime(1997, 7, 1), 31), (new DateTime(1999, 1, 1), 32), (new DateTime(2006, 1, 1), 33),
        (new DateTime(2009, 1, 1), 34), (new DateTime(2012, 7, 1), 35), (new DateTime(2015, 7, 1), 36),
        (new DateTime(2017, 1, 1), 37),
    };

    /// <summary>TAI − UTC in seconds at a UTC instant (10 s before 1972, where this table does not reach).</summary>
    public static int TaiMinusUtc(DateTime utc)
    {
        var seconds = LeapSeconds[0].Seconds;
        foreach (var (from, value) in LeapSeconds)
        {
            if (utc >= from) seconds = value;
        }
        return seconds;
    }

    /// <summary>Converts a time read in the scale <paramref name="timesys"/> to UTC (Kind = Utc).</summary>
    public static DateTime ToUtc(DateTime time, string? timesys, string file)
    {
        var scale = (timesys ?? string.Empty).Trim().ToUpperInvariant();
        double offsetFromTai;
        switch (scale)
        {
            case "" or "UTC" or "UT" or "Z":
                return DateTime.SpecifyKind(time, DateTimeKind.Utc);
            case "TAI":
                offsetFromTai = 0.0;
                break;
            case "TT" or "TDT" or "ET":
                offsetFromTai = 32.184;
                break;
            case "GPS":
                offsetFromTai = -19.0;
                break;
            default:
                throw new ImageFormatException(file, $"TIMESYS = '{timesys}' is a time scale Trap cannot convert to UTC",
                    "Write DATE-OBS in UTC (TIMESYS = 'UTC'); TAI, TT and GPS are converted as well.");
        }
        var tai = time.AddSeconds(-offsetFromTai);
        // Leap seconds are looked up at the approximate UTC instant; off by one only within 37 s of a leap.
        var utc = tai.AddSeconds(-TaiMinusUtc(tai));
        return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }
}
