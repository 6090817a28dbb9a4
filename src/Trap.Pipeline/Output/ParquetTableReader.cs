using Parquet;
using Parquet.Serialization;

namespace Trap.Pipeline.Output;

/// <summary>Reads a table file back row group by row group (bounded memory).</summary>
public static class ParquetTableReader
{
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
