using Parquet;
using Parquet.Serialization;

namespace Trap.Dataset;

/// <summary>Reads table files back row group by row group (bounded memory).</summary>
public static class ParquetTableReader
{
    /// <summary>Every row of a table of a dataset folder: its parts in name order, each in file order.</summary>
    public static async IAsyncEnumerable<T> ReadTableAsync<T>(string datasetFolder, string table) where T : class, new()
    {
        foreach (var part in Parts(datasetFolder, table))
        {
            await foreach (var row in ReadAsync<T>(part)) yield return row;
        }
    }

    /// <summary>The part files of a table, in name order (none when the table folder is missing).</summary>
    public static IReadOnlyList<string> Parts(string datasetFolder, string table)
    {
        var folder = Path.Combine(datasetFolder, table);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.parquet").Order(StringComparer.Ordinal).ToList()
            : Array.Empty<string>();
    }

    /// <summary>A whole (small) file in memory.</summary>
    public static List<T> ReadFile<T>(string file) where T : class, new()
    {
        var rows = new List<T>();
        var reading = ReadAsync<T>(file).GetAsyncEnumerator();
        try
        {
            while (reading.MoveNextAsync().AsTask().GetAwaiter().GetResult()) rows.Add(reading.Current);
        }
        finally
        {
            reading.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return rows;
    }

    public static async IAsyncEnumerable<T> ReadAsync<T>(string file) where T : class, new()
    {
        await using var stream = File.OpenRead(file);
        int groups;
        await using (var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true))
        {
            groups = reader.RowGroupCount;
        }
        for (var group = 0; group < groups; group++)
        {
            stream.Position = 0;
            var rows = await ParquetSerializer.DeserializeAsync<T>(stream, rowGroupIndex: group);
            foreach (var row in rows.Data) yield return row;
        }
    }
}
