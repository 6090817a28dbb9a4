using System.Collections;
using Trap.Dataset;
using Trap.Dataset.Rows;

namespace Trap.Storage.Tests;

/// <summary>
/// A dataset folder grown as `trap stream` grows one (docs/streaming.md): the first batch writes every
/// table as part 00000; each later batch adds its images' rows of images, rejections, extracted_sources,
/// associations and new_sources as a new level-1 part (10000, 10001, ...), writes the catalogue-wide
/// tables and the dataset row again whole (a new file under the same name), and every 8 level-1 parts
/// of a table are merged into one level-2 part (20000, ...). The rows are a <see cref="SampleRun"/>'s,
/// split by image over the batches (the first batch has the images that waited for the stream to start,
/// <c>firstImages</c>); the catalogue-wide tables grow from batch to batch.
/// </summary>
public sealed class StreamedFolder : IDisposable
{
    public static readonly IReadOnlySet<string> AppendedTables = new HashSet<string>
    {
        DatasetTables.Images, DatasetTables.Rejections, DatasetTables.ExtractedSources, DatasetTables.Associations, DatasetTables.NewSources,
    };

    private const int LevelSpan = 10_000;
    private const int PerLevel = 8;

    private readonly SampleRun _run;
    private readonly int _batches;
    private readonly int _imagesPerBatch;
    private readonly int _firstImages;

    public StreamedFolder(string name, int batches, int imagesPerBatch = 2, int firstImages = 20, int sourcesPerImage = 12)
    {
        _run = new SampleRun(name, seed: batches, images: firstImages + (batches - 1) * imagesPerBatch, sourcesPerImage: sourcesPerImage);
        (_batches, _imagesPerBatch, _firstImages) = (batches, imagesPerBatch, firstImages);
        Folder = Directory.CreateTempSubdirectory("trap-streamed-").FullName;
    }

    public string Folder { get; }

    /// <summary>The batches committed so far.</summary>
    public int Committed { get; private set; }

    /// <summary>Writes the next batch into the folder, as the stream's commit leaves it.</summary>
    public async Task CommitNextBatchAsync()
    {
        if (Committed == _batches) throw new InvalidOperationException("all " + _batches + " batches are committed");
        var batch = Committed++;
        foreach (var (table, rowType) in DatasetTables.All)
        {
            if (batch > 0 && AppendedTables.Contains(table))
            {
                await TableFiles.WriteAsync(Folder, table, rowType, RowsOf(rowType, batch), NextPart(table));
                await MergeFullLevelAsync(table, rowType);
            }
            else
            {
                foreach (var part in ParquetTableReader.Parts(Folder, table)) File.Delete(part);
                await TableFiles.WriteAsync(Folder, table, rowType, AppendedTables.Contains(table) ? RowsOf(rowType, 0) : Whole(rowType));
            }
        }
    }

    /// <summary>Writes every table again as a single new part, as a run (`trap run --append`) writes the dataset anew.</summary>
    public async Task RewriteAsARunAsync()
    {
        foreach (var (table, rowType) in DatasetTables.All)
        {
            var rows = AppendedTables.Contains(table) ? Enumerable.Range(0, Committed).SelectMany(b => RowsOf(rowType, b).Cast<object>()).ToList() : Whole(rowType);
            foreach (var part in ParquetTableReader.Parts(Folder, table)) File.Delete(part);
            await TableFiles.WriteAsync(Folder, table, rowType, rows);
        }
    }

    /// <summary>The part files of a table now, by name.</summary>
    public IReadOnlyList<string> PartNames(string table) => ParquetTableReader.Parts(Folder, table).Select(Path.GetFileName).ToList()!;

    /// <summary>The rows of an appended table that batch <paramref name="batch"/> adds: those of its images.</summary>
    private IEnumerable RowsOf(Type rowType, int batch)
    {
        bool Mine(long imageId) => (imageId <= _firstImages ? 0 : 1 + (imageId - 1 - _firstImages) / _imagesPerBatch) == batch;
        return rowType.Name switch
        {
            nameof(ImageRow) => _run.Images.Where(r => Mine(r.ImageId)).ToList(),
            nameof(RejectionRow) => _run.Rejections.Where(r => Mine(r.ImageId)).ToList(),
            nameof(ExtractedSourceRow) => _run.Sources.Where(r => Mine(r.ImageId)).ToList(),
            nameof(AssociationRow) => _run.Associations.Where(r => Mine(r.ImageId)).ToList(),
            nameof(NewSourceRow) => _run.NewSources.Where((_, i) => i % _batches == batch).ToList(),
            _ => throw new ArgumentException(rowType.Name + " is not an appended table"),
        };
    }

    /// <summary>A catalogue-wide table as the batch writes it: the rows of the catalogue sources seen so far.</summary>
    private IEnumerable Whole(Type rowType)
    {
        var seen = _run.Catalogue.Count * Committed / _batches;
        return rowType.Name switch
        {
            nameof(DatasetRow) => new[] { WithImages(_run.Dataset, _firstImages + (Committed - 1) * _imagesPerBatch) },
            nameof(RunningCatalogueRow) => _run.Catalogue.Take(seen).ToList(),
            nameof(CatalogueFluxRow) => _run.Fluxes.Take(seen).ToList(),
            nameof(VariabilityRow) => _run.Variability.Take(seen).ToList(),
            nameof(CandidateRow) => _run.Candidates.Where(c => c.RuncatId <= seen).ToList(),
            _ => _run.RowsOf(rowType),
        };
    }

    private static DatasetRow WithImages(DatasetRow row, int images)
    {
        row.NImages = images;
        return row;
    }

    private int NextPart(string table) =>
        ParquetTableReader.Parts(Folder, table).Select(PartNumber).Where(p => p / LevelSpan == 1).DefaultIfEmpty(LevelSpan - 1).Max() + 1;

    private async Task MergeFullLevelAsync(string table, Type rowType)
    {
        var level1 = ParquetTableReader.Parts(Folder, table).Where(p => PartNumber(p) / LevelSpan == 1).ToList();
        if (level1.Count < PerLevel) return;
        var into = ParquetTableReader.Parts(Folder, table).Select(PartNumber).Where(p => p / LevelSpan == 2).DefaultIfEmpty(2 * LevelSpan - 1).Max() + 1;
        await TableFiles.MergeAsync(Folder, table, rowType, level1, into);
    }

    private static int PartNumber(string file) => int.Parse(Path.GetFileNameWithoutExtension(file)["part-".Length..]);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
