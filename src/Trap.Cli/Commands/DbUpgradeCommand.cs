using Trap.Storage.Connection;
using Trap.Storage.Schema;

namespace Trap.Cli.Commands;

/// <summary>`trap db upgrade`: applies the schema migrations the database lacks, in one transaction.</summary>
public sealed class DbUpgradeCommand : ICliCommand
{
    public string Name => "upgrade";

    public string Summary => "apply missing schema migrations (idempotent)";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, DbCommand.Options);
        if (parsed.Positionals.Count > 0) throw new CliUsageException("usage: trap db upgrade " + DbCommand.DatabaseUsage);
        var settings = DatabaseSettings.Resolve(parsed.Get("database"));
        var change = new SchemaMigrator(settings).UpgradeAsync().GetAwaiter().GetResult();
        Console.WriteLine(change.Applied.Count == 0
            ? $"The catalogue schema is up to date (version {change.After.Version}) in {settings.Masked}."
            : $"Upgraded the catalogue schema from version {change.Before.Version} to {change.After.Version} " +
              $"({string.Join(", ", change.Applied.Select(m => m.Version + " " + m.Name))}) in {settings.Masked}.");
        return 0;
    }
}
