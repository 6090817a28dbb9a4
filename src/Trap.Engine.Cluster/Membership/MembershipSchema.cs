using Npgsql;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Membership;

/// <summary>
/// Creates Trap's cluster tables in PostgreSQL when they are missing: Orleans' membership tables with
/// the queries its ADO.NET clustering reads (membership-schema.sql) and Trap's job-progress table.
/// Safe to run from many workers at once: an advisory lock serialises them.
/// </summary>
public static class MembershipSchema
{
    // Any constant works; it only has to be the same for every Trap process.
    private const long SchemaLockId = 0x7472617043; // "trapC"

    private static readonly string[] ScriptNames = { "membership-schema.sql", "job-progress-schema.sql" };

    public static async Task EnsureAsync(DatabaseSettings database, CancellationToken cancellation = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellation);
            await using var transaction = await connection.BeginTransactionAsync(cancellation);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLockId})", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellation);
            }
            foreach (var name in ScriptNames)
            {
                await using var command = new NpgsqlCommand(ReadScript(name), connection, transaction);
                await command.ExecuteNonQueryAsync(cancellation);
            }
            await transaction.CommitAsync(cancellation);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new ClusterException(
                $"cannot create the cluster tables in the database ({database}): {e.Message}. " +
                "Check the connection string (--db or TRAP_DATABASE_URL) and that the user may create tables.", e);
        }
    }

    private static string ReadScript(string name)
    {
        var resource = typeof(MembershipSchema).Assembly.GetManifestResourceStream($"Trap.Engine.Cluster.{name}")
            ?? throw new InvalidOperationException($"embedded script {name} is missing from the build");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd();
    }
}
