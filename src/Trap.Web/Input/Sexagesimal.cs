using System.Globalization;
using System.Text.RegularExpressions;

namespace Trap.Web.Input;

/// <summary>
/// Sky positions typed by people: decimal degrees ("187.25", "-12.5") or sexagesimal, RA in hours
/// ("12:29:06.7", "12h29m06.7s", "12 29 06.7") and Dec in degrees ("+02:03:08.6", "2d03m08.6s",
/// "-0 30 00"). The sign of a declination is read from the text, so "-00:30:00" is −0.5°.
/// </summary>
public static partial class Sexagesimal
{
    [GeneratedRegex(@"^\s*([+-]?)\s*(\d+(?:\.\d*)?)\s*(?:[:hd°\s]\s*)(\d+(?:\.\d*)?)?\s*(?:[:m'′\s]\s*)?(\d+(?:\.\d*)?)?\s*[s""″]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Parts();

    /// <summary>Degrees from decimal degrees or sexagesimal (RA in hours when <paramref name="hours"/>); null if the text is neither.</summary>
    public static double? ToDegrees(string text, bool hours)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var decimalDegrees)) return decimalDegrees;
        var match = Parts().Match(text);
        if (!match.Success) return null;
        double Part(int group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var (whole, minutes, seconds) = (Part(2), Part(3), Part(4));
        if (minutes >= 60 || seconds >= 60) return null;
        var value = whole + minutes / 60 + seconds / 3600;
        return (match.Groups[1].Value == "-" ? -1 : 1) * value * (hours ? 15 : 1);
    }
}
