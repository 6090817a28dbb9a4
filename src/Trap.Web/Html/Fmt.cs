using System.Globalization;

namespace Trap.Web.Html;

/// <summary>How values are shown: invariant culture, fluxes in Jy, angles in degrees, times UTC.</summary>
public static class Fmt
{
    /// <summary>A number to <paramref name="digits"/> significant digits; "—" for NaN, ∞ kept.</summary>
    public static string G(double value, int digits = 4) =>
        double.IsNaN(value) ? "—" : value.ToString("G" + digits, CultureInfo.InvariantCulture);

    public static string G(double? value, int digits = 4) => value is { } v ? G(v, digits) : "";

    /// <summary>Degrees with 5 decimals (0.036″), enough to tell catalogue sources apart.</summary>
    public static string Deg(double value) => value.ToString("F5", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string OptionalInt(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Utc(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A time that may not apply (NULL in the dataset): empty when absent.</summary>
    public static string Utc(DateTime? value) => value is { } v ? Utc(v) : "";

    public static string Mhz(double hz) => (hz / 1e6).ToString("F3", CultureInfo.InvariantCulture);

    public static string Mhz(double? hz) => hz is { } v ? Mhz(v) : "";

    public static string Deg(double? value) => value is { } v ? Deg(v) : "";

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    /// <summary>RA as hh:mm:ss.ss.</summary>
    public static string RaHms(double raDeg)
    {
        var totalCentiSeconds = (long)Math.Round(((raDeg % 360 + 360) % 360) / 15.0 * 360000.0) % (24L * 360000);
        var (h, rest) = Math.DivRem(totalCentiSeconds, 360000);
        var (m, cs) = Math.DivRem(rest, 6000);
        return string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}:{2:00.00}", h, m, cs / 100.0);
    }

    /// <summary>Dec as ±dd:mm:ss.s.</summary>
    public static string DecDms(double decDeg)
    {
        var sign = decDeg < 0 ? "-" : "+";
        var totalDeciSeconds = (long)Math.Round(Math.Abs(decDeg) * 36000.0);
        var (d, rest) = Math.DivRem(totalDeciSeconds, 36000);
        var (m, ds) = Math.DivRem(rest, 600);
        return sign + string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}:{2:00.0}", d, m, ds / 10.0);
    }
}
