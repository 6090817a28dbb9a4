using System.Globalization;

namespace Trap.Cli.Commands;

/// <summary>
/// The `--name value` options of one command line (options may repeat; positional words are kept in
/// order). An unknown option or a missing value is a <see cref="UsageException"/> naming it.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public CommandArgs(IReadOnlyList<string> args, string command, params string[] known)
    {
        Command = command;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            if (!known.Contains(name))
            {
                throw new UsageException($"{command}: unknown option '{arg}' (known: {string.Join(", ", known.Select(k => "--" + k))})");
            }
            if (i + 1 >= args.Count)
            {
                throw new UsageException($"{command}: option '{arg}' needs a value");
            }
            if (!_values.TryGetValue(name, out var list))
            {
                _values[name] = list = new List<string>();
            }
            list.Add(args[++i]);
        }
    }

    public string Command { get; }

    public List<string> Positional { get; } = new();

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : Array.Empty<string>();

    public string Required(string name, string? fallback = null) =>
        Value(name) ?? fallback ?? throw new UsageException($"{Command}: option --{name} is required");

    public int Integer(string name, int fallback, int minimum)
    {
        var text = Value(name);
        if (text is null)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new UsageException($"{Command}: --{name} {text}: expected a whole number ≥ {minimum}");
    }
}

/// <summary>The command line is wrong: the message says what to change.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
