using Trap.Storage.Connection;

namespace Trap.Cli.Commands;

/// <summary>
/// Arguments of the `trap db` sub-commands: positional words and --database (a connection string or
/// URL; when absent, TRAP_DATABASE_URL is used).
/// </summary>
public sealed class DbArguments
{
    private DbArguments(IReadOnlyList<string> positional, string? database)
    {
        Positional = positional;
        Database = database;
    }

    public IReadOnlyList<string> Positional { get; }

    public string? Database { get; }

    public const string Usage = "[--database <connection string or postgresql:// URL>]  (default: $" + DatabaseSettings.EnvironmentVariable + ")";

    /// <summary>Parses the arguments; null (after printing why) when they are wrong.</summary>
    public static DbArguments? Parse(IReadOnlyList<string> args, string command)
    {
        var positional = new List<string>();
        string? database = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--database" && i + 1 < args.Count) database = args[++i];
            else if (arg.StartsWith("--database=", StringComparison.Ordinal)) database = arg["--database=".Length..];
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("trap db " + command + ": unknown option '" + arg + "'. Options: " + Usage);
                return null;
            }
            else positional.Add(arg);
        }
        return new DbArguments(positional, database);
    }

    public DatabaseSettings Settings() => DatabaseSettings.Resolve(Database);
}
