using System.Collections;
using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Storage.Connection;
using Trap.Storage.Schema;

namespace Trap.Storage.Loading;

/// <summary>
/// Loads a run into the catalogue database: all tables in one transaction with binary COPY (only what is
/// new since the last load when the database's record of loaded part files allows it). A dataset
/// is identified by its name: loading a name that is already there replaces that dataset in the same
/// transaction (never duplicates), under the same id, so addresses that name the id stay valid. A
/// dataset loaded from another job (another job.cfg) is replaced only when asked (<see cref="LoadOptions.Replace"/>).
/// Any failure rolls everything back, so the previous load stays as it was. Loads of one name wait for
/// each other (advisory lock); loads of different names run side by side.
/// </summary>
public sealed class DatasetLoader
{
    private readonly DatabaseSettings _settings;

    public DatasetLoader(DatabaseSettings settings) => _settings = settings;

    /// <summary>Loads a run's Parquet dataset folder.</summary>
    public async Task<LoadResult> LoadFolderAsync(string folder, LoadOptions? options = null, CancellationToken cancellation = default) =>
        await LoadAsync(await ParquetDatasetReader.OpenAsync(folder, cancellation), options, cancellation);

    /// <summary>
    /// Loads rows given in memory (or streamed by <see cref="ParquetDatasetReader"/>). A dataset folder
    /// loaded before (its part files recorded) is loaded incrementally: new parts are added, merged parts
    /// replace the rows of the parts they merged, tables whose loaded parts were rewritten are loaded whole
    /// again (docs/database.md, Incremental loads).
    /// </summary>
    public async Task<LoadResult> LoadAsync(DatasetContents contents, LoadOptions? options = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var name = contents.Dataset.Name;
        await using var connection = await DatabaseConnector.OpenAsync(_settings, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        var table = CatalogueTables.For(DatasetTables.Dataset);
        try
        {
            await LockDatasetAsync(connection, transaction, name, cancellation);
            await SchemaMigrator.RequireCurrentAsync(connection, transaction, cancellation);
            var replaced = await ReplaceableAsync(connection, transaction, contents.Dataset, options?.Replace ?? false, cancellation);
            var (plans, fullReason) = await PlanAsync(connection, transaction, contents, replaced, options, cancellation);
            if (fullReason is not null && replaced is { } old) await DeleteRowsAsync(connection, transaction, old, cancellation);
            var datasetId = await InsertDatasetAsync(connection, transaction, contents.Dataset, replaced, cancellation);
            var rows = new Dictionary<string, long> { [table] = 1 };
            foreach (var (output, rowType) in DatasetTables.All.Where(t => t.Name != DatasetTables.Dataset))
            {
                var map = TableMap.For(rowType);
                table = map.Table;
                if (fullReason is null)
                {
                    var plan = plans[output];
                    if (plan.Kind == TableLoadKind.Merged)
                    {
                        var (copied, overwritten) = await ReplaceMergedAsync(connection, transaction, map, datasetId, contents.Batches(rowType, plan.Parts, cancellation), options, cancellation);
                        rows[table] = copied;
                        if (overwritten == plan.Gone.Sum(p => p.Rows)) continue;
                        plans[output] = plan = plan.Reload(contents.Parts![output], overwritten);
                    }
                    if (plan.Whole) await DeleteTableRowsAsync(connection, transaction, table, datasetId, cancellation);
                    rows[table] = await CopyAsync(connection, map, datasetId, contents.Batches(rowType, plan.Parts, cancellation), options, cancellation);
                }
                else rows[table] = await CopyAsync(connection, map, datasetId, contents.Batches(rowType, cancellation), options, cancellation);
            }
            table = VoEventTable;
            if (fullReason is null) await DeleteTableRowsAsync(connection, transaction, table, datasetId, cancellation);
            rows[table] = await CopyVoEventsAsync(connection, datasetId, contents.VoEvents, cancellation);
            table = LoadedParts.Table;
            if (fullReason is null) await DeleteTableRowsAsync(connection, transaction, table, datasetId, cancellation);
            if (contents.Parts is { } parts) await LoadedParts.RecordAsync(connection, datasetId, parts.Values.SelectMany(p => p), cancellation);
            table = "rejectreason";
            await RecordRejectReasonsAsync(connection, transaction, datasetId, cancellation);
            await transaction.CommitAsync(cancellation);
            return new LoadResult(datasetId, replaced, rows, clock.Elapsed, fullReason, plans.Values.ToList());
        }
        catch (PostgresException e)
        {
            throw new StorageException(
                "Loading dataset '" + name + "' failed in table " + table + ": " + e.MessageText +
                (e.Detail is { Length: > 0 } detail ? " (" + detail + ")" : "") +
                ". Nothing was written; an earlier load of this dataset, if any, is unchanged.", e);
        }
        catch (NpgsqlException e)
        {
            throw new StorageException(
                "Loading dataset '" + name + "' into " + _settings.Masked + " failed in table " + table + " (" + e.Message +
                "). The transaction was not committed; an earlier load of this dataset, if any, is unchanged. Run the load again.", e);
        }
    }

    /// <summary>Deletes a dataset and all its rows; returns its id, or null if there was none of that name.</summary>
    public async Task<long?> DeleteAsync(string name, CancellationToken cancellation = default)
    {
        await using var connection = await DatabaseConnector.OpenAsync(_settings, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await LockDatasetAsync(connection, transaction, name, cancellation);
        await SchemaMigrator.RequireCurrentAsync(connection, transaction, cancellation);
        var id = await FindAsync(connection, transaction, name, cancellation);
        if (id is { } found)
        {
            await DeleteRowsAsync(connection, transaction, found, cancellation);
            await DeleteDatasetRowAsync(connection, transaction, found, cancellation);
        }
        await transaction.CommitAsync(cancellation);
        return id;
    }

    private static async Task LockDatasetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, hashtext(@name))", connection, transaction);
        command.Parameters.AddWithValue("space", AdvisoryLocks.DatasetSpace);
        command.Parameters.AddWithValue("name", NpgsqlDbType.Text, name);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task<long?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken cancellation)
    {
        await using var find = new NpgsqlCommand("SELECT id FROM dataset WHERE name = @name", connection, transaction);
        find.Parameters.AddWithValue("name", NpgsqlDbType.Text, name);
        return await find.ExecuteScalarAsync(cancellation) as long?;
    }

    /// <summary>The id of the dataset this load replaces (null when the name is new); refuses another job's dataset unless <paramref name="replace"/>.</summary>
    private async Task<long?> ReplaceableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DatasetRow row, bool replace,
                                               CancellationToken cancellation)
    {
        await using var find = new NpgsqlCommand("SELECT id, job_file FROM dataset WHERE name = @name", connection, transaction);
        find.Parameters.AddWithValue("name", NpgsqlDbType.Text, row.Name);
        await using var reader = await find.ExecuteReaderAsync(cancellation);
        if (!await reader.ReadAsync(cancellation)) return null;
        var id = reader.GetInt64(0);
        var loadedFrom = reader.IsDBNull(1) ? null : reader.GetString(1);
        if (!replace && loadedFrom != row.JobFile)
        {
            throw new StorageException(
                "Dataset '" + row.Name + "' (id " + id + ") in " + _settings.Masked + " was loaded from " +
                (loadedFrom is null ? "a job Trap did not record (loaded before schema version 4)" : "another job, " + loadedFrom) +
                "; this one is from " + (row.JobFile ?? "an unknown job") + ". Nothing was written. Give this job its own name ([job] name in job.cfg), " +
                "or load with --replace to replace that dataset.");
        }
        return id;
    }

    /// <summary>
    /// What an incremental load does with each output table, or why the load is a full one instead: a new
    /// dataset, rows given in memory, a load asked to be full or to replace, no record of the loaded parts,
    /// or every table with a part rewritten (a run wrote the dataset anew).
    /// </summary>
    private static async Task<(Dictionary<string, TableLoad> Plans, string? FullReason)> PlanAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DatasetContents contents, long? replaced, LoadOptions? options,
        CancellationToken cancellation)
    {
        var none = new Dictionary<string, TableLoad>();
        if (replaced is not { } id) return (none, "the dataset is new to this database");
        if (contents.Parts is not { } parts) return (none, "its rows were given in memory, not read from a dataset folder's part files");
        if (options?.Full ?? false) return (none, "a full load was asked for");
        if (options?.Replace ?? false) return (none, "--replace loads the dataset anew");
        var loaded = await LoadedParts.ReadAsync(connection, transaction, id, cancellation);
        if (loaded.Count == 0)
        {
            return (none, "the database has no record of the part files it was loaded from (loaded from rows in memory, or by a Trap before schema version 7)");
        }
        var plans = parts.ToDictionary(p => p.Key, p => TableLoad.Plan(p.Key, p.Value, loaded.GetValueOrDefault(p.Key) ?? []));
        return plans.Values.All(p => p.Whole)
            ? (plans, "every table's part files it was loaded from were rewritten (the dataset was written anew, e.g. by trap run)")
            : (plans, null);
    }

    /// <summary>
    /// The rows of a merge's new parts replace the dataset's rows with the same primary keys: copied into a
    /// scratch table, the rows with their keys deleted, then inserted. Returns the rows copied and the rows
    /// they replaced, which the caller compares with the gone parts' rows: equal, the table is what a full
    /// load gives (keys are unique in a dataset, so no row of a kept part is among those replaced).
    /// </summary>
    private static async Task<(long Copied, long Replaced)> ReplaceMergedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TableMap map,
        long datasetId, IAsyncEnumerable<IEnumerable> batches, LoadOptions? options, CancellationToken cancellation)
    {
        const string scratch = "trap_merged_rows";
        await ExecuteAsync(connection, transaction, "CREATE TEMP TABLE " + scratch + " (LIKE " + map.Table + ") ON COMMIT DROP", cancellation);
        var copied = await CopyAsync(connection, map, datasetId, batches, options, cancellation, scratch);
        // Statistics, so the delete below looks the keys up in the table's primary key instead of scanning it.
        await ExecuteAsync(connection, transaction, "ANALYZE " + scratch, cancellation);
        var keys = await PrimaryKeyAsync(connection, transaction, map.Table, cancellation);
        await using var replace = new NpgsqlCommand(
            "DELETE FROM " + map.Table + " t USING " + scratch + " m WHERE " + string.Join(" AND ", keys.Select(k => "t." + k + " = m." + k)), connection, transaction);
        var replaced = await replace.ExecuteNonQueryAsync(cancellation);
        await ExecuteAsync(connection, transaction, "INSERT INTO " + map.Table + " SELECT * FROM " + scratch + "; DROP TABLE " + scratch, cancellation);
        return (copied, replaced);
    }

    /// <summary>The primary key's columns of a catalogue table (dataset_id first: docs/database.md, Tables).</summary>
    private static async Task<List<string>> PrimaryKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) " +
            "WHERE i.indrelid = to_regclass(@table) AND i.indisprimary", connection, transaction);
        command.Parameters.AddWithValue("table", NpgsqlDbType.Text, table);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var keys = new List<string>();
        while (await reader.ReadAsync(cancellation)) keys.Add(reader.GetString(0));
        return keys.Count > 0 ? keys : throw new StorageException("Table " + table + " has no primary key: the catalogue schema is damaged; load into a database created by trap db init.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task DeleteTableRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, long id, CancellationToken cancellation)
    {
        await using var delete = new NpgsqlCommand("DELETE FROM " + table + " WHERE dataset_id = @id", connection, transaction);
        delete.Parameters.AddWithValue("id", id);
        await delete.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>Deletes every row of a dataset but its dataset row.</summary>
    private static async Task DeleteRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellation)
    {
        // No foreign keys to cascade (they would slow COPY): every table of the registry, and the VOEvents, are cleared here.
        foreach (var table in DatasetTables.All.Where(t => t.RowType != typeof(DatasetRow)).Reverse().Select(t => TableMap.For(t.RowType).Table)
                     .Append(VoEventTable).Append(LoadedParts.Table))
        {
            await DeleteTableRowsAsync(connection, transaction, table, id, cancellation);
        }
    }

    private static async Task DeleteDatasetRowAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellation)
    {
        await using var delete = new NpgsqlCommand("DELETE FROM " + TableMap.For<DatasetRow>().Table + " WHERE id = @id", connection, transaction);
        delete.Parameters.AddWithValue("id", id);
        await delete.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>Writes the dataset row: a new one, or over the replaced dataset's row so its id stays.</summary>
    private static async Task<long> InsertDatasetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DatasetRow row, long? replacedId,
                                                       CancellationToken cancellation)
    {
        var map = TableMap.For<DatasetRow>();
        var names = map.Columns.Select(c => c.Name).ToList();
        await using var command = new NpgsqlCommand(replacedId is null
            ? "INSERT INTO " + map.Table + " (" + string.Join(", ", names) + ") VALUES (" + string.Join(", ", names.Select(n => "@" + n)) + ") RETURNING id"
            : "UPDATE " + map.Table + " SET " + string.Join(", ", names.Select(n => n + " = @" + n)) + ", loaded_utc = now() WHERE id = @replaced RETURNING id",
            connection, transaction);
        map.AddParameters(command, row);
        if (replacedId is { } id) command.Parameters.AddWithValue("replaced", id);
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, TableMap map, long datasetId, IAsyncEnumerable<IEnumerable> batches,
                                              LoadOptions? options, CancellationToken cancellation, string? into = null)
    {
        long count = 0;
        await using var importer = await connection.BeginBinaryImportAsync(map.CopyCommand(into), cancellation);
        await foreach (var batch in batches.WithCancellation(cancellation))
        {
            foreach (var row in batch)
            {
                if (IsSecret(row)) continue;
                map.WriteRow(importer, datasetId, row);
                count++;
                options?.OnRow?.Invoke(map.Table, count);
            }
        }
        await importer.CompleteAsync(cancellation);
        return count;
    }

    /// <summary>The table of the run's VOEvent packets (migration 0005): files of the output folder, not a Parquet table.</summary>
    private const string VoEventTable = "voevent";

    private static async Task<long> CopyVoEventsAsync(NpgsqlConnection connection, long datasetId, IReadOnlyList<VoEventPacket> packets,
                                                      CancellationToken cancellation)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY " + VoEventTable + " (dataset_id, local_id, xml) FROM STDIN (FORMAT BINARY)", cancellation);
        foreach (var packet in packets)
        {
            await importer.StartRowAsync(cancellation);
            await importer.WriteAsync(datasetId, NpgsqlDbType.Bigint, cancellation);
            await importer.WriteAsync(packet.LocalId, NpgsqlDbType.Text, cancellation);
            await importer.WriteAsync(packet.Xml, NpgsqlDbType.Text, cancellation);
        }
        await importer.CompleteAsync(cancellation);
        return packets.Count;
    }

    /// <summary>TraP never stores configuration keys named "password"; neither does Trap.</summary>
    private static bool IsSecret(object row) =>
        row is ConfigRow config && config.Key.Equals("password", StringComparison.OrdinalIgnoreCase);

    private static async Task RecordRejectReasonsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long datasetId, CancellationToken cancellation)
    {
        // TraP's reasons 0-5 are seeded by the schema; Trap's own reasons are added with their descriptions,
        // and an id neither knows (a newer Trap's) with the text the run gave.
        await using var command = new NpgsqlCommand(
            "INSERT INTO rejectreason (id, description) SELECT * FROM unnest(@ids, @descriptions) ON CONFLICT (id) DO NOTHING; " +
            "INSERT INTO rejectreason (id, description) SELECT DISTINCT ON (reason_id) reason_id, reason FROM rejection " +
            "WHERE dataset_id = @id ORDER BY reason_id ON CONFLICT (id) DO NOTHING", connection, transaction);
        command.Parameters.AddWithValue("ids", RejectReason.All.Select(r => r.Id).ToArray());
        command.Parameters.AddWithValue("descriptions", RejectReason.All.Select(r => r.Description).ToArray());
        command.Parameters.AddWithValue("id", datasetId);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
