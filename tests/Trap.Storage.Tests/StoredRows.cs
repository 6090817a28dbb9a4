using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Trap.Storage.Connection;
using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

/// <summary>Reads a table of a dataset back into its row type, and compares row sets as canonical JSON.</summary>
public static class StoredRows
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<List<object>> ReadAsync(DatabaseSettings settings, Type rowType, long datasetId)
    {
        var map = TableMap.For(rowType);
        await using var connection = await DatabaseConnector.OpenAsync(settings);
        var columns = string.Join(", ", map.Columns.Select(c => c.Name));
        await using var command = new NpgsqlCommand("SELECT " + columns + " FROM " + map.Table + " WHERE " +
                                                    (map.Table == "dataset" ? "id" : "dataset_id") + " = @id", connection);
        command.Parameters.AddWithValue("id", datasetId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object>();
        while (await reader.ReadAsync())
        {
            var row = Activator.CreateInstance(rowType)!;
            for (var i = 0; i < map.Columns.Count; i++)
            {
                map.Columns[i].Property.SetValue(row, reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Each row as JSON (all columns, exact doubles, NaN spelled out), sorted: equal lists mean equal row sets.</summary>
    public static List<string> Canonical(IEnumerable rows) =>
        rows.Cast<object>().Select(r => JsonSerializer.Serialize(r, r.GetType(), Json)).Order(StringComparer.Ordinal).ToList();

    public static async Task<long> CountAsync(DatabaseSettings settings, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await DatabaseConnector.OpenAsync(settings);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
