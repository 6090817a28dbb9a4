namespace Trap.Cli.Commands;

/// <summary>
/// Parsed command-line arguments: positionals, "--name value" / "--name=value" options and
/// "--flag" switches. Unknown options are errors, so a typo never silently changes a run.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public List<string> Positionals { get; } = new();

    /// <summary>Parses <paramref name="args"/>; <paramref name="options"/> take a value, <paramref name="flags"/> do not.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string>? flags = null)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positionals.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            if (flags?.Contains(name) == true && value is null)
            {
                parsed._flags.Add(name);
            }
            else if (options.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count) throw new CliUsageException($"option --{name} needs a value");
                    value = args[++i];
                }
                parsed._options[name] = value;
                if (!parsed._repeated.TryGetValue(name, out var all)) parsed._repeated[name] = all = new List<string>();
                all.Add(value);
            }
            else
            {
                var known = options.Concat(flags ?? Array.Empty<string>()).Select(o => "--" + o);
                throw new CliUsageException($"unknown option --{name}; known options: {string.Join(", ", known)}");
            }
        }
        return parsed;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every value of an option given more than once (e.g. --conf a=1 --conf b=2), in order.</summary>
    public IReadOnlyList<string> GetAll(string name) => _repeated.TryGetValue(name, out var all) ? all : Array.Empty<string>();

    public bool Has(string flag) => _flags.Contains(flag);

    public int GetInt(string name, int fallback)
    {
        var text = Get(name);
        if (text is null) return fallback;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"option --{name} expects an integer, got '{text}'");
    }
}

/// <summary>A command line that cannot be used; the message says what is wrong.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException(string message) : base(message)
    {
    }
}
