using Npgsql;
using Trap.Storage.Connection;

namespace Trap.Storage.Schema;

/// <summary>
/// Creates and upgrades Trap's schema. Each command runs in one transaction under a schema advisory
/// lock, so it is all-or-nothing and two migrators never race; both are idempotent. Applied versions
/// are recorded in schema_version with the script's checksum.
/// </summary>
public sealed class SchemaMigrator
{
    private readonly DatabaseSettings _settings;

    public SchemaMigrator(DatabaseSettings settings) => _settings = settings;

    /// <summary>Creates the schema in a database that has none; does nothing if it is already there.</summary>
    public Task<SchemaChange> InitAsync(CancellationToken cancellation = default) =>
        MigrateAsync(requireInitialised: false, cancellation);

    /// <summary>Applies the migrations the database lacks; the database must have been initialised.</summary>
    public Task<SchemaChange> UpgradeAsync(CancellationToken cancellation = default) =>
        MigrateAsync(requireInitialised: true, cancellation);

    public async Task<SchemaState> StatusAsync(CancellationToken cancellation = default)
    {
        await using var connection = await DatabaseConnector.OpenAsync(_settings, cancellation);
        var applied = await ReadAppliedAsync(connection, null, cancellation);
        return new SchemaState(applied.Count == 0 ? 0 : applied.Keys.Max(), Migrations.Latest);
    }

    /// <summary>Throws unless the database is at exactly this build's schema version (used before loading).</summary>
    public static async Task RequireCurrentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellation)
    {
        var applied = await ReadAppliedAsync(connection, transaction, cancellation);
        var version = applied.Count == 0 ? 0 : applied.Keys.Max();
        if (version == 0)
        {
            throw new StorageException("The catalogue database has no Trap schema: run 'trap db init' first.");
        }
        if (version < Migrations.Latest)
        {
            throw new StorageException(
                "The catalogue database is at schema version " + version + " but this Trap writes version " +
                Migrations.Latest + ": run 'trap db upgrade'.");
        }
        if (version > Migrations.Latest)
        {
            throw new StorageException(TooNew(version));
        }
    }

    private async Task<SchemaChange> MigrateAsync(bool requireInitialised, CancellationToken cancellation)
    {
        await using var connection = await DatabaseConnector.OpenAsync(_settings, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, 0)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("space", AdvisoryLocks.SchemaSpace);
            await lockCommand.ExecuteNonQueryAsync(cancellation);
        }

        var applied = await ReadAppliedAsync(connection, transaction, cancellation);
        var before = new SchemaState(applied.Count == 0 ? 0 : applied.Keys.Max(), Migrations.Latest);
        if (requireInitialised && !before.Initialised)
        {
            throw new StorageException("The catalogue database has no Trap schema yet: run 'trap db init' to create it.");
        }
        if (before.Version > Migrations.Latest) throw new StorageException(TooNew(before.Version));
        VerifyChecksums(applied);

        // init on an initialised database changes nothing, even if it is behind: that is upgrade's job.
        var missing = !requireInitialised && before.Initialised
            ? new List<Migration>()
            : Migrations.All.Where(m => !applied.ContainsKey(m.Version)).ToList();
        if (!before.Initialised)
        {
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE schema_version (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_utc timestamptz NOT NULL DEFAULT now())
                """, cancellation);
        }
        foreach (var migration in missing)
        {
            await ApplyAsync(connection, transaction, migration, cancellation);
        }
        await transaction.CommitAsync(cancellation);
        var after = new SchemaState(missing.Count == 0 ? before.Version : missing[^1].Version, Migrations.Latest);
        return new SchemaChange(before, after, missing);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Migration migration, CancellationToken cancellation)
    {
        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellation);
        }
        catch (PostgresException e) when (e.SqlState is "42P07" or "42723")
        {
            throw new StorageException(
                "Schema migration " + migration.Version + " (" + migration.Name + ") failed: " + e.MessageText +
                ". The database already holds tables or functions not created by Trap; use an empty database for the catalogue.", e);
        }
        await using var record = new NpgsqlCommand(
            "INSERT INTO schema_version (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction);
        record.Parameters.AddWithValue("version", migration.Version);
        record.Parameters.AddWithValue("name", migration.Name);
        record.Parameters.AddWithValue("checksum", migration.Checksum);
        await record.ExecuteNonQueryAsync(cancellation);
    }

    private static void VerifyChecksums(IReadOnlyDictionary<int, string> applied)
    {
        foreach (var migration in Migrations.All)
        {
            if (applied.TryGetValue(migration.Version, out var checksum) && checksum != migration.Checksum)
            {
                throw new StorageException(
                    "Schema migration " + migration.Version + " (" + migration.Name + ") applied to this database differs from " +
                    "the one built into this Trap (checksum mismatch): the database was created by a different build. " +
                    "Load into a database created by this build.");
            }
        }
    }

    private static async Task<IReadOnlyDictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellation)
    {
        var result = new Dictionary<int, string>();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellation))!) return result;
        }
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_version", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) result[reader.GetInt32(0)] = reader.GetString(1);
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static string TooNew(int version) =>
        "The catalogue database is at schema version " + version + ", newer than this Trap (which knows up to version " +
        Migrations.Latest + "): use a newer Trap with this database.";
}
