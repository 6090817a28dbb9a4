using Trap.Storage.Connection;
using Trap.Storage.Schema;

namespace Trap.Cli.Commands;

/// <summary>`trap db init`: creates Trap's schema in an empty database (does nothing if it is there).</summary>
public sealed class DbInitCommand : ICliCommand
{
    public string Name => "init";

    public string Summary => "create the catalogue schema (idempotent)";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, DbCommand.Options);
        if (parsed.Positionals.Count > 0) throw new CliUsageException("usage: trap db init " + DbCommand.DatabaseUsage);
        var settings = DatabaseSettings.Resolve(parsed.Get("database"));
        var change = new SchemaMigrator(settings).InitAsync().GetAwaiter().GetResult();
        if (change.Applied.Count > 0)
        {
            Console.WriteLine($"Created the catalogue schema (version {change.After.Version}) in {settings.Masked}.");
        }
        else
        {
            Console.WriteLine($"The catalogue schema is already there (version {change.Before.Version}) in {settings.Masked}." +
                              (change.Before.Version < change.Before.Latest ? $" Run 'trap db upgrade' to reach version {change.Before.Latest}." : ""));
        }
        return 0;
    }
}
