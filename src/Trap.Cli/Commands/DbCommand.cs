using Trap.Storage;
using Trap.Storage.Connection;

namespace Trap.Cli.Commands;

/// <summary>`trap db &lt;init|upgrade|load|status&gt;`: the catalogue database in PostgreSQL.</summary>
public sealed class DbCommand : ICliCommand
{
    private readonly IReadOnlyList<ICliCommand> _verbs =
        new ICliCommand[] { new DbInitCommand(), new DbUpgradeCommand(), new DbLoadCommand(), new DbStatusCommand() };

    /// <summary>Options every verb takes.</summary>
    internal static readonly string[] Options = { "database" };

    internal const string DatabaseUsage =
        "[--database <connection string or postgresql:// URL>]  (default: $" + DatabaseSettings.EnvironmentVariable + ")";

    public string Name => "db";

    public string Summary => "catalogue database: init | upgrade | load <folder> | status";

    public int Run(IReadOnlyList<string> args)
    {
        var verb = args.Count > 0 ? _verbs.FirstOrDefault(v => v.Name == args[0]) : null;
        if (verb is null)
        {
            Console.Error.WriteLine("usage: trap db <command> " + DatabaseUsage);
            foreach (var v in _verbs) Console.Error.WriteLine($"  {v.Name,-10} {v.Summary}");
            return 2;
        }
        try
        {
            return verb.Run(args.Skip(1).ToList());
        }
        catch (StorageException e)
        {
            // Messages name the problem and the fix, with the password masked.
            Console.Error.WriteLine("trap db " + verb.Name + ": " + e.Message);
            return 1;
        }
    }
}
