using DuckDB.NET.Data;

namespace Trap.Pipeline.Tests.Output;

/// <summary>A dataset folder read by DuckDB (a reader written by others), each table a view of its part files.</summary>
public sealed class DatasetQuery : IDisposable
{
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public DatasetQuery(string datasetFolder)
    {
        Folder = datasetFolder;
        _connection.Open();
    }

    public string Folder { get; }

    /// <summary>The read_parquet call of a table's part files.</summary>
    public string Table(string table) => $"read_parquet('{Path.Combine(Folder, table, "*.parquet")}')";

    /// <summary>The rows of a query, NULL as null.</summary>
    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public long Count(string sql) => Convert.ToInt64(Rows(sql)[0][0]);

    public void Dispose() => _connection.Dispose();
}
