using Npgsql;
using NpgsqlTypes;

namespace Trap.Storage.Loading;

/// <summary>
/// The database's record of the part files a dataset's rows were loaded from (table loaded_part,
/// migration 0007), read and written in the load's own transaction, so rows and record never disagree.
/// </summary>
internal static class LoadedParts
{
    public const string Table = "loaded_part";

    /// <summary>The recorded parts of a dataset, by output table (empty when it was loaded without a record).</summary>
    public static async Task<Dictionary<string, List<PartFile>>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long datasetId,
                                                                         CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name, part, length, written_ticks, row_count FROM " + Table + " WHERE dataset_id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", datasetId);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var parts = new Dictionary<string, List<PartFile>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellation))
        {
            var part = new PartFile(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            if (!parts.TryGetValue(part.Table, out var list)) parts[part.Table] = list = new List<PartFile>();
            list.Add(part);
        }
        return parts;
    }

    /// <summary>Records <paramref name="parts"/> as the dataset's loaded parts (its earlier record deleted first).</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, long datasetId, IEnumerable<PartFile> parts, CancellationToken cancellation)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY " + Table + " (dataset_id, table_name, part, length, written_ticks, row_count) FROM STDIN (FORMAT BINARY)", cancellation);
        foreach (var part in parts)
        {
            await importer.StartRowAsync(cancellation);
            await importer.WriteAsync(datasetId, NpgsqlDbType.Bigint, cancellation);
            await importer.WriteAsync(part.Table, NpgsqlDbType.Text, cancellation);
            await importer.WriteAsync(part.Name, NpgsqlDbType.Text, cancellation);
            await importer.WriteAsync(part.Length, NpgsqlDbType.Bigint, cancellation);
            await importer.WriteAsync(part.WrittenTicks, NpgsqlDbType.Bigint, cancellation);
            await importer.WriteAsync(part.Rows, NpgsqlDbType.Bigint, cancellation);
        }
        await importer.CompleteAsync(cancellation);
    }
}
