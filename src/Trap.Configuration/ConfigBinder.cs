using System.Globalization;
using System.Reflection;

namespace Trap.Configuration;

/// <summary>
/// Binds the "key = value" entries of one section onto a configuration record: each public settable
/// (or init) property is a key named in snake_case. Unknown keys and values of the wrong type are
/// <see cref="JobConfigException"/>s with file and line; keys not given keep the record's defaults.
/// </summary>
public static class ConfigBinder
{
    /// <summary>The keys a record type accepts, in declaration order.</summary>
    public static IReadOnlyList<(string Key, PropertyInfo Property)> KeysOf(Type recordType) =>
        recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && IsSupported(p.PropertyType))
            .Select(p => (ConfigNames.ToKey(p.Name), p))
            .ToList();

    /// <summary>Returns a copy of <paramref name="defaults"/> with the section's entries applied.</summary>
    public static T Bind<T>(T defaults, string file, string section, IEnumerable<IniEntry> entries) where T : class
    {
        var keys = KeysOf(typeof(T)).ToDictionary(k => k.Key, k => k.Property);
        var result = Clone(defaults);
        foreach (var entry in entries)
        {
            if (!keys.TryGetValue(entry.Key, out var property))
            {
                throw new JobConfigException(file, entry.Line,
                    $"unknown key '{entry.Key}' in [{section}]; known keys: {string.Join(", ", keys.Keys)}");
            }
            property.SetValue(result, Convert(file, section, entry, property.PropertyType));
        }
        return result;
    }

    /// <summary>The value of a property formatted as a job-file value (used to store the effective config).</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string =>
            string.Join(", ", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    private static bool IsSupported(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(bool) ||
        type == typeof(string) || type.IsEnum || type == typeof(double[]) ||
        (Nullable.GetUnderlyingType(type) is { } inner && IsSupported(inner));

    private static T Clone<T>(T value) where T : class
    {
        // Records have a protected copy constructor; MemberwiseClone gives the same shallow copy.
        var clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return (T)clone.Invoke(value, null)!;
    }

    private static object? Convert(string file, string section, IniEntry entry, Type type)
    {
        var text = Unquote(entry.Value);
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return text.Length == 0 || text.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? null
                : Convert(file, section, entry with { Value = text }, inner);
        }
        object? value = null;
        var ok = true;
        if (type == typeof(string))
        {
            value = text;
        }
        else if (type == typeof(int))
        {
            ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i);
            value = i;
        }
        else if (type == typeof(long))
        {
            ok = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l);
            value = l;
        }
        else if (type == typeof(double))
        {
            ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);
            value = d;
        }
        else if (type == typeof(bool))
        {
            ok = TryParseBool(text, out var b);
            value = b;
        }
        else if (type.IsEnum)
        {
            ok = Enum.TryParse(type, text.Replace("-", "").Replace("_", ""), ignoreCase: true, out value) &&
                 Enum.IsDefined(type, value!);
        }
        else if (type == typeof(double[]))
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var numbers = new double[parts.Length];
            for (var i = 0; i < parts.Length && ok; i++)
            {
                ok = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]);
            }
            value = numbers;
        }
        if (!ok)
        {
            throw new JobConfigException(file, entry.Line,
                $"[{section}] {entry.Key} expects {Describe(type)}, got '{entry.Value}'");
        }
        return value;
    }

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1":
                value = true;
                return true;
            case "false" or "no" or "off" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(double[]) => "a comma-separated list of numbers",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(ConfigNames.ToKey)),
        _ => "a value",
    };

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0] ? value[1..^1] : value;
}
