using Parquet;

namespace Trap.Dataset;

/// <summary>
/// Streams rows of one table into a Parquet file (<c>TABLE/part-NNNNN.parquet</c>), one row group per
/// <see cref="RowGroupSize"/> rows, so memory stays bounded however long the run. Rows are flat
/// records: public properties of primitive types, strings and DateTime (UTC), written as
/// <see cref="ParquetColumns{T}"/> says (NULLs, UTC microsecond timestamps, column units as
/// metadata; docs/outputs.md). The file appears under
/// its name only when complete (written beside it, then renamed), so a task that is re-run or runs
/// twice never leaves a torn part for readers.
/// </summary>
public sealed class ParquetTableWriter<T> : IAsyncDisposable where T : class, new()
{
    private readonly List<T> _buffer = new();
    private readonly FileStream _stream;
    private readonly string _partialPath;
    private ParquetWriter? _writer;
    private bool _closed;

    /// <param name="part">Part number of the table (one per sky bucket for tables the buckets write).</param>
    public ParquetTableWriter(string datasetFolder, string table, int part = 0, int rowGroupSize = 50_000)
        : this(PartPath(datasetFolder, table, part), rowGroupSize)
    {
    }

    /// <summary>A writer of one Parquet file at <paramref name="filePath"/> (its folder is created).</summary>
    public ParquetTableWriter(string filePath, int rowGroupSize = 50_000)
    {
        ParquetColumns<T>.Check();
        RowGroupSize = rowGroupSize;
        FilePath = filePath;
        OutputFolders.CreateInside(Path.GetDirectoryName(filePath)!);
        _partialPath = OutputFolders.PartialName(filePath);
        _stream = new FileStream(_partialPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
    }

    /// <summary>The file of part <paramref name="part"/> of a table in a dataset folder.</summary>
    public static string PartPath(string datasetFolder, string table, int part) =>
        Path.Combine(datasetFolder, table, $"part-{part:D5}.parquet");

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
        if (_buffer.Count == 0 && _writer is not null) return;
        _writer ??= await ParquetWriter.CreateAsync(ParquetColumns<T>.Schema, _stream);
        await ParquetColumns<T>.WriteRowGroupAsync(_writer, _buffer);
        RowsWritten += _buffer.Count;
        _buffer.Clear();
    }

    /// <summary>Writes the last row group (an empty table still gets a file with its schema), closes the file and gives it its name.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closed) return;
        _closed = true;
        await FlushAsync();
        await _writer!.DisposeAsync();
        await _stream.DisposeAsync();
        File.Move(_partialPath, FilePath, overwrite: true);
    }

    /// <summary>Writes a whole file at once.</summary>
    public static async Task WriteFileAsync(string filePath, IEnumerable<T> rows)
    {
        await using var writer = new ParquetTableWriter<T>(filePath);
        await writer.AddRangeAsync(rows);
    }
}
