using Trap.Pipeline.Output.Rows;

namespace Trap.Pipeline.Output;

/// <summary>
/// The open Parquet writers of every table of a run, streaming rows as the run goes. Associations go
/// first to a staging table and are filtered at the end, because a later fork can retire a catalogue
/// source whose earlier rows were already written (their history is re-issued under the new ids).
/// </summary>
public sealed class DatasetWriter : IAsyncDisposable
{
    private const string RawAssociations = "_associations_unfiltered";
    private readonly string _folder;

    public DatasetWriter(string folder)
    {
        _folder = folder;
        Images = new(folder, DatasetTables.Images);
        Rejections = new(folder, DatasetTables.Rejections);
        ExtractedSources = new(folder, DatasetTables.ExtractedSources);
        NewSources = new(folder, DatasetTables.NewSources);
        _rawAssociations = new(folder, RawAssociations);
    }

    private readonly ParquetTableWriter<AssociationRow> _rawAssociations;

    public ParquetTableWriter<ImageRow> Images { get; }

    public ParquetTableWriter<RejectionRow> Rejections { get; }

    public ParquetTableWriter<ExtractedSourceRow> ExtractedSources { get; }

    public ParquetTableWriter<NewSourceRow> NewSources { get; }

    public ValueTask AddAssociationsAsync(IEnumerable<AssociationRow> rows) => _rawAssociations.AddRangeAsync(rows);

    /// <summary>Writes a whole table at once (catalogue, bands, config...).</summary>
    public Task WriteTableAsync<T>(string table, IEnumerable<T> rows) where T : class, new() =>
        WriteTableAsync(_folder, table, rows);

    /// <summary>Writes a whole table at once into a dataset folder.</summary>
    public static async Task WriteTableAsync<T>(string folder, string table, IEnumerable<T> rows) where T : class, new()
    {
        await using var writer = new ParquetTableWriter<T>(folder, table);
        await writer.AddRangeAsync(rows);
    }

    /// <summary>Closes the streaming tables and writes the final associations without retired sources.</summary>
    public async Task FinishAsync(IReadOnlySet<long> retiredRuncats)
    {
        await Images.DisposeAsync();
        await Rejections.DisposeAsync();
        await ExtractedSources.DisposeAsync();
        await NewSources.DisposeAsync();
        await _rawAssociations.DisposeAsync();
        var rawFile = _rawAssociations.FilePath;
        await using (var final = new ParquetTableWriter<AssociationRow>(_folder, DatasetTables.Associations))
        {
            await foreach (var row in ParquetTableReader.ReadAsync<AssociationRow>(rawFile))
            {
                if (!retiredRuncats.Contains(row.RuncatId)) await final.AddAsync(row);
            }
        }
        Directory.Delete(Path.GetDirectoryName(rawFile)!, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        await Images.DisposeAsync();
        await Rejections.DisposeAsync();
        await ExtractedSources.DisposeAsync();
        await NewSources.DisposeAsync();
        await _rawAssociations.DisposeAsync();
    }
}
