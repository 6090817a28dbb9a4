using Parquet;
using Parquet.Serialization;

namespace Trap.Pipeline.Output;

/// <summary>
/// Streams rows of one table into a Parquet file (<c>TABLE/part-00000.parquet</c>), one row group per
/// <see cref="RowGroupSize"/> rows, so memory stays bounded however long the run. Rows are flat
/// records: public properties of primitive types, strings and DateTime (UTC).
/// </summary>
public sealed class ParquetTableWriter<T> : IAsyncDisposable where T : class, new()
{
    private readonly List<T> _buffer = new();
    private readonly FileStream _stream;
    private bool _wroteAny;

    public ParquetTableWriter(string datasetFolder, string table, int rowGroupSize = 50_000)
    {
        RowGroupSize = rowGroupSize;
        var folder = Path.Combine(datasetFolder, table);
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "part-00000.parquet");
        _stream = new FileStream(FilePath, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
    }

    public int RowGroupSize { get; }

    /// <summary>The file written.</summary>
    public string FilePath { get; }

    public long RowsWritten { get; private set; }

    public async ValueTask AddAsync(T row)
    {
        _buffer.Add(row);
        if (_buffer.Count >= RowGroupSize) await FlushAsync();
    }

    public async ValueTask AddRangeAsync(IEnumerable<T> rows)
    {
        foreach (var row in rows) await AddAsync(row);
    }

    private async ValueTask FlushAsync()
    {
        if (_buffer.Count == 0 && _wroteAny) return;
        var options = new ParquetOptions { Append = _wroteAny, RowGroupSize = Math.Max(1, _buffer.Count) };
        await ParquetSerializer.SerializeAsync(_buffer, _stream, options);
        RowsWritten += _buffer.Count;
        _buffer.Clear();
        _wroteAny = true;
    }

    /// <summary>Writes the last row group (an empty table still gets a file with its schema) and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await FlushAsync();
        await _stream.DisposeAsync();
    }
}
