using System.Globalization;
using System.Text.RegularExpressions;
using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>Start (UTC) and integration time of an observation.</summary>
public readonly record struct ObservationTime(DateTime StartUtc, double IntegrationSeconds);

/// <summary>
/// Observation start and integration time from a header (docs/science.md §10.3).
/// Start: DATE-OBS as 'YYYY-MM-DD', 'YYYY-MM-DDThh:mm:ss[.ffffff]' (any number of decimals, an
/// optional Z), the pre-2000 'DD/MM/YY' (19YY, as the FITS standard defines it), the quoted "'…';" form
/// some writers produce (the first quoted token is used), or a Westerbork decimal year
/// (year + fraction × 365.242199 days, TraP's rule); MJD-OBS (days) when DATE-OBS is missing; all in the
/// scale TIMESYS names, converted to UTC. Unlike TraP, which silently uses now(), a missing start is an error,
/// and so is a start outside 1940–2200 (a damaged or placeholder date).
/// Integration: TAU_TIME (s), else END_UTC − start, else 0 (unknown: the header does not say).
/// </summary>
public static partial class ObservationTimeParser
{
    private static readonly DateTime MjdEpoch = new(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Plausible observation starts: radio astronomy began in the 1940s; nothing is scheduled after 2200.</summary>
    private static readonly DateTime EarliestStart = new(1940, 1, 1);

    private static readonly DateTime LatestStart = new(2201, 1, 1);

    /// <summary>Days in a year for TraP's decimal-year dates.</summary>
    public const double DaysPerDecimalYear = 365.242199;

    public static ObservationTime Parse(FitsHeader header, string file)
    {
        var timesys = header.GetString("TIMESYS");
        var start = ParseStart(header, file);
        if (start < EarliestStart || start >= LatestStart)
        {
            throw new ImageFormatException(file,
                $"the observation start {start:yyyy-MM-dd'T'HH:mm:ss} (DATE-OBS or MJD-OBS) is outside {EarliestStart.Year}–{LatestStart.Year - 1}, " +
                "so it cannot be a radio observation (casacore writes 1858-11-17 for an unknown date)",
                "Fix DATE-OBS (ISO 8601, UTC) in the header.", fault: ImageFault.ImplausibleHeader);
        }
        var startUtc = TimeScales.ToUtc(start, timesys, file);
        return new ObservationTime(startUtc, ParseIntegration(header, start, file));
    }

    private static DateTime ParseStart(FitsHeader header, string file)
    {
        var card = header.Find("DATE-OBS");
        if (card is not null && card.Kind != FitsValueKind.Undefined)
        {
            if (card.IsNumber) return FromDecimalYear(card.Number, file);
            if (TryParseDate(card.Text ?? string.Empty, out var date)) return date;
            throw new ImageFormatException(file, $"DATE-OBS = '{card.Text}' is not a date Trap can read",
                "Write DATE-OBS as ISO 8601 UTC, e.g. '2020-10-06T01:26:36.8'.");
        }
        if (header.GetDouble("MJD-OBS") is { } mjd)
        {
            return DateTime.SpecifyKind(MjdEpoch.AddDays(mjd), DateTimeKind.Unspecified);
        }
        throw new ImageFormatException(file, "no observation start time: neither DATE-OBS nor MJD-OBS is in the header",
            "Add DATE-OBS (ISO 8601, UTC) to the header.", fault: ImageFault.MissingStartTime);
    }

    private static double ParseIntegration(FitsHeader header, DateTime start, string file)
    {
        if (header.GetDouble("TAU_TIME") is { } tau)
        {
            if (!(tau >= 0) || double.IsInfinity(tau))
            {
                throw new ImageFormatException(file, $"TAU_TIME = {tau} is not a valid integration time",
                    "Give TAU_TIME in seconds, 0 or more.");
            }
            return tau;
        }
        var end = header.GetString("END_UTC");
        if (end is null) return 0.0;
        if (!TryParseDate(end, out var endTime))
        {
            throw new ImageFormatException(file, $"END_UTC = '{end}' is not a date Trap can read",
                "Write END_UTC as ISO 8601 UTC, or remove it.");
        }
        var seconds = (endTime - start).TotalSeconds;
        if (seconds < 0)
        {
            throw new ImageFormatException(file, $"END_UTC ({end}) is before DATE-OBS",
                "Fix END_UTC or DATE-OBS in the header.");
        }
        return seconds;
    }

    /// <summary>Parses the textual DATE-OBS forms (see the class summary); Kind = Unspecified.</summary>
    public static bool TryParseDate(string text, out DateTime date)
    {
        date = default;
        var token = FirstToken(text);
        var iso = IsoDate().Match(token);
        if (iso.Success)
        {
            try
            {
                var day = new DateTime(Int(iso.Groups["y"]), Int(iso.Groups["mo"]), Int(iso.Groups["d"]));
                if (iso.Groups["h"].Success)
                {
                    day = day.AddHours(Int(iso.Groups["h"])).AddMinutes(Int(iso.Groups["mi"]));
                    if (iso.Groups["s"].Success) day = day.AddSeconds(Int(iso.Groups["s"]));
                    if (iso.Groups["f"].Success) day = day.AddTicks(FractionTicks(iso.Groups["f"].Value));
                }
                date = day;
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }
        var old = OldDate().Match(token);
        if (old.Success)
        {
            try
            {
                date = new DateTime(1900 + Int(old.Groups["y"]), Int(old.Groups["mo"]), Int(old.Groups["d"]));
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>A Westerbork-style decimal year: year + fraction × 365.242199 days.</summary>
    public static DateTime FromDecimalYear(double decimalYear, string file)
    {
        if (!(decimalYear is >= 1 and < 10000))
        {
            throw new ImageFormatException(file, $"DATE-OBS = {decimalYear} is not a plausible decimal year",
                "Write DATE-OBS as ISO 8601 UTC.");
        }
        var year = Math.Floor(decimalYear);
        return new DateTime((int)year, 1, 1).AddDays((decimalYear - year) * DaysPerDecimalYear);
    }

    /// <summary>The first quoted token of values like "'2012-04-24T02:06:42';", else the text before ';'.</summary>
    private static string FirstToken(string text)
    {
        var trimmed = text.Trim();
        var quote = trimmed.IndexOf('\'');
        if (quote >= 0)
        {
            var close = trimmed.IndexOf('\'', quote + 1);
            trimmed = close > quote ? trimmed[(quote + 1)..close] : trimmed[(quote + 1)..];
        }
        var semicolon = trimmed.IndexOf(';');
        return (semicolon >= 0 ? trimmed[..semicolon] : trimmed).Trim();
    }

    private static int Int(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>".123456789" → ticks (100 ns), rounded.</summary>
    private static long FractionTicks(string fraction) =>
        (long)Math.Round(double.Parse("0" + fraction, NumberStyles.Float, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?<f>\.\d*)?)?)?Z?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{2})/(?<mo>\d{2})/(?<y>\d{2})$")]
    private static partial Regex OldDate();
}
