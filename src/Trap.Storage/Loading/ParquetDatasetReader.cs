using System.Collections;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Serialization;
using Trap.Dataset;
using Trap.Dataset.Rows;

namespace Trap.Storage.Loading;

/// <summary>
/// Reads a run's Parquet dataset folder (TABLE/part-*.parquet for every table of
/// <see cref="DatasetTables.All"/>, as <see cref="ParquetTableWriter{T}"/> writes it) into the row
/// types, one row group at a time.
/// </summary>
public static class ParquetDatasetReader
{
    public static async Task<DatasetContents> OpenAsync(string folder, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new StorageException("Dataset folder '" + folder + "' does not exist: give the output folder of a run (it holds one sub-folder per table).");
        }
        var datasetRows = new List<DatasetRow>();
        foreach (var file in FilesOf(folder, DatasetTables.Dataset))
        {
            await foreach (var batch in ReadFileAsync<DatasetRow>(file, cancellation)) datasetRows.AddRange(batch.Cast<DatasetRow>());
        }
        if (datasetRows.Count != 1)
        {
            throw new StorageException(
                "Dataset folder '" + folder + "' has " + datasetRows.Count + " rows in table '" + DatasetTables.Dataset +
                "'; a run writes exactly one. Is this a complete run's output?");
        }
        var contents = new DatasetContents(datasetRows[0]).SetVoEvents(VoEventPacket.ReadFolder(Path.Combine(folder, DatasetTables.VoEventsFolder)));
        foreach (var (name, rowType) in DatasetTables.All.Where(t => t.Name != DatasetTables.Dataset))
        {
            var parts = new List<PartFile>();
            foreach (var file in FilesOf(folder, name)) parts.Add(PartFile.Of(name, file, await RowCountAsync(file, cancellation)));
            var read = RowTypeDispatch.Run(rowType, new FileBatches());
            contents.SetParts(name, rowType, parts, (some, token) => Concat(some, part => read(part.Path, token), token));
        }
        return contents;
    }

    private static IReadOnlyList<string> FilesOf(string folder, string table)
    {
        var tableFolder = Path.Combine(folder, table);
        if (!Directory.Exists(tableFolder))
        {
            throw new StorageException(
                "Dataset folder '" + folder + "' has no table '" + table + "' (expected " + Path.Combine(tableFolder, "part-00000.parquet") +
                "). Every run writes all tables, empty ones included: is this a complete run's output?");
        }
        return Directory.GetFiles(tableFolder, "*.parquet").Order(StringComparer.Ordinal).ToList();
    }

    private static async IAsyncEnumerable<IEnumerable> Concat(IReadOnlyList<PartFile> files, Func<PartFile, IAsyncEnumerable<IEnumerable>> read,
                                                              [EnumeratorCancellation] CancellationToken cancellation)
    {
        foreach (var file in files)
        {
            await foreach (var batch in read(file).WithCancellation(cancellation)) yield return batch;
        }
    }

    /// <summary>The reader of a table's part files, batch by batch, for its row type.</summary>
    private sealed class FileBatches : IRowTypeWork<Func<string, CancellationToken, IAsyncEnumerable<IEnumerable>>>
    {
        public Func<string, CancellationToken, IAsyncEnumerable<IEnumerable>> Run<TRow>() where TRow : class, new() => ReadFileAsync<TRow>;
    }

    /// <summary>The rows of a part file, from its Parquet footer (the rows are not read).</summary>
    private static async Task<long> RowCountAsync(string file, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await OpenAsync(file, stream, cancellation);
        return reader.Metadata!.NumRows;
    }

    private static async Task<ParquetReader> OpenAsync(string file, Stream stream, CancellationToken cancellation)
    {
        try
        {
            return await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellation);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Parquet.ParquetException)
        {
            throw new StorageException("'" + file + "' is not a readable Parquet file (" + e.Message + "): re-run the job to rewrite its output.", e);
        }
    }

    private static async IAsyncEnumerable<IEnumerable> ReadFileAsync<T>(string file, [EnumeratorCancellation] CancellationToken cancellation) where T : class, new()
    {
        await using var stream = File.OpenRead(file);
        int groups;
        await using (var reader = await OpenAsync(file, stream, cancellation)) groups = reader.RowGroupCount;
        for (var group = 0; group < groups; group++)
        {
            stream.Position = 0;
            yield return (await ParquetSerializer.DeserializeAsync<T>(stream, null, group, cancellation)).Data;
        }
    }
}
