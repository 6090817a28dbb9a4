using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Trap.Web.Input;

/// <summary>
/// Validated access to a request's route values and query string: ids are positive integers,
/// numbers are parsed with the invariant culture and checked against a range, choices against a
/// fixed list. Anything else is a <see cref="BadInputException"/> naming the parameter.
/// </summary>
public sealed class RequestInput(IQueryCollection query)
{
    /// <summary>A non-negative 64-bit id from a route segment (run ids start at 0 or 1 depending on the table).</summary>
    public static long Id(string? text, string name)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
        throw new BadInputException($"The {name} must be a whole number (0 or more); got '{text}'.");
    }

    /// <summary>The parameter's text, or null when it is absent or blank.</summary>
    public string? Text(string name)
    {
        var value = query[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    public double? Number(string name, double min, double max)
    {
        var text = Text(name);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new BadInputException($"Parameter '{name}' must be a number (with a '.' for decimals); got '{text}'.");
        }
        if (value < min || value > max)
        {
            throw new BadInputException($"Parameter '{name}' must lie between {Show(min)} and {Show(max)}; got {Show(value)}.");
        }
        return value;
    }

    /// <summary>A right ascension in decimal degrees or sexagesimal hours (<see cref="Sexagesimal"/>), 0–360°.</summary>
    public double? RightAscension(string name) => Angle(name, hours: true, 0, 360, "degrees (187.25) or hours:minutes:seconds (12:29:06.7)");

    /// <summary>A declination in decimal or sexagesimal degrees (<see cref="Sexagesimal"/>), −90–90°.</summary>
    public double? Declination(string name) => Angle(name, hours: false, -90, 90, "degrees (-2.05) or degrees:minutes:seconds (-02:03:08.6)");

    private double? Angle(string name, bool hours, double min, double max, string forms)
    {
        var text = Text(name);
        if (text is null) return null;
        var value = Sexagesimal.ToDegrees(text, hours);
        if (value is not { } degrees || !double.IsFinite(degrees))
        {
            throw new BadInputException($"Parameter '{name}' must be in {forms}; got '{text}'.");
        }
        if (degrees < min || degrees > max)
        {
            throw new BadInputException($"Parameter '{name}' must lie between {Show(min)}° and {Show(max)}°; got '{text}' ({Show(degrees)}°).");
        }
        return degrees;
    }

    public int? Integer(string name, int min, int max)
    {
        var text = Text(name);
        if (text is null) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new BadInputException($"Parameter '{name}' must be a whole number; got '{text}'.");
        }
        if (value < min || value > max)
        {
            throw new BadInputException($"Parameter '{name}' must lie between {min} and {max}; got {value}.");
        }
        return value;
    }

    /// <summary>A check box: absent means false; "1", "on", "true" mean true.</summary>
    public bool Flag(string name)
    {
        var text = Text(name);
        return text switch
        {
            null or "0" or "false" or "off" => false,
            "1" or "true" or "on" => true,
            _ => throw new BadInputException($"Parameter '{name}' must be 1 or 0; got '{text}'."),
        };
    }

    /// <summary>One of <paramref name="allowed"/> (case-sensitive), or null when absent.</summary>
    public string? Choice(string name, IReadOnlyCollection<string> allowed)
    {
        var text = Text(name);
        if (text is null || allowed.Contains(text)) return text;
        throw new BadInputException($"Parameter '{name}' must be one of {string.Join(", ", allowed)}; got '{text}'.");
    }

    /// <summary>The 1-based page number of a paged list.</summary>
    public int Page() => Integer("page", 1, 1_000_000) ?? 1;

    /// <summary>Whether the list is asked for as CSV (format=csv) rather than HTML.</summary>
    public bool WantsCsv() => Choice("format", ["html", "csv"]) == "csv";

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
