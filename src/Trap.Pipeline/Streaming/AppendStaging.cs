using Trap.Dataset;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The staging folder of one incremental batch of `trap stream` (docs/streaming.md): the committed
/// dataset's table files hard-linked into it (the batch adds new parts and rewrites the catalogue-wide
/// ones by rename, which leaves the committed files as they are), then committed as a whole by the
/// protocol of <see cref="DatasetFolder"/>, so readers see a batch whole or not at all. The work folder
/// stays in the dataset, where the batch writes its new images' work, and moves into the staging just
/// before the commit (a batch stopped in between gives it back: <see cref="DatasetFolder"/>).
/// </summary>
internal sealed class AppendStaging : IDisposable
{
    /// <summary>Files of the dataset every batch writes whole, not linked: the VOEvents of the current candidates, the log, the alerts sent.</summary>
    private static readonly HashSet<string> Rewritten = new(StringComparer.Ordinal)
    {
        DatasetTables.VoEventsFolder, JobRunner.RunLogFile, Trap.Alerts.SentAlerts.FileName, DatasetMarker.FileName, DatasetFolder.WorkCacheFolder,
    };

    private readonly DatasetFolder _output;
    private readonly bool _workInTarget;

    /// <summary>The committed files linked into the staging, as they were (a file the batch replaced by rename is another).</summary>
    private readonly Dictionary<string, (long Length, DateTime WrittenUtc)> _linked = new(StringComparer.Ordinal);

    private AppendStaging(DatasetFolder output, bool workInTarget) => (_output, _workInTarget) = (output, workInTarget);

    public string Target => _output.Target;

    public string Staging => _output.Staging;

    /// <summary>The dataset's work folder, where the batch's tasks write (the staging's own for the first batch of a dataset).</summary>
    public WorkFolder Work => new(Path.Combine(_workInTarget ? Target : Staging, DatasetFolder.WorkCacheFolder));

    /// <summary>Locks the dataset and links its committed files into a fresh staging folder.</summary>
    public static AppendStaging Open(string target)
    {
        var output = DatasetFolder.Open(target);
        try
        {
            if (!Directory.Exists(output.Target))
            {
                Directory.CreateDirectory(Path.Combine(output.Staging, DatasetFolder.WorkCacheFolder));
                return new AppendStaging(output, workInTarget: false);
            }
            Directory.CreateDirectory(Path.Combine(output.Target, DatasetFolder.WorkCacheFolder));
            var staging = new AppendStaging(output, workInTarget: true);
            foreach (var entry in Directory.EnumerateFileSystemEntries(output.Target))
            {
                var name = Path.GetFileName(entry);
                if (Rewritten.Contains(name)) continue;
                if (Directory.Exists(entry))
                {
                    var folder = Directory.CreateDirectory(Path.Combine(output.Staging, name)).FullName;
                    foreach (var file in Directory.EnumerateFiles(entry)) staging.Link(file, Path.Combine(folder, Path.GetFileName(file)));
                }
                else staging.Link(entry, Path.Combine(output.Staging, name));
            }
            return staging;
        }
        catch
        {
            output.Abandon();
            output.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A batch's parts are numbered from <see cref="LevelSpan"/> (level 1; a run's own parts are below it);
    /// every <see cref="PerLevel"/> parts of a level are merged into one of the next level, so a table
    /// keeps a few dozen parts however long the stream runs and each row is rewritten a few times at most.
    /// </summary>
    public const int LevelSpan = 10_000;

    public const int PerLevel = 8;

    /// <summary>A level-1 part number no file of <paramref name="tables"/> uses yet in the staging folder.</summary>
    public int NextPart(params string[] tables) =>
        Math.Max(LevelSpan, tables.SelectMany(t => ParquetTableReader.Parts(Staging, t)).Select(PartNumber)
            .Where(p => p / LevelSpan == 1).DefaultIfEmpty(LevelSpan - 1).Max() + 1);

    /// <summary>The level-1 parts of <paramref name="table"/> numbered from <paramref name="first"/>: a batch's own, before it compacts.</summary>
    public IReadOnlyList<string> PartsFrom(string table, int first) =>
        ParquetTableReader.Parts(Staging, table).Where(p => PartNumber(p) >= first && PartNumber(p) / LevelSpan == 1).ToList();

    /// <summary>Writes <paramref name="table"/> again whole, as its single part (its linked parts leave the staging; the committed files stay).</summary>
    public async Task ReplaceTableAsync<T>(string table, IEnumerable<T> rows) where T : class, new()
    {
        foreach (var part in ParquetTableReader.Parts(Staging, table)) File.Delete(part);
        await DatasetWriter.WriteTableAsync(Staging, table, rows);
    }

    /// <summary>Merges, level by level, the parts of <paramref name="table"/> that make <see cref="PerLevel"/> of one level.</summary>
    public async Task CompactAsync(string table)
    {
        for (var level = 1; level < 9; level++)
        {
            var parts = ParquetTableReader.Parts(Staging, table).Where(p => PartNumber(p) / LevelSpan == level).ToList();
            if (parts.Count < PerLevel) continue;
            var next = ParquetTableReader.Parts(Staging, table).Select(PartNumber).Where(p => p / LevelSpan == level + 1)
                .DefaultIfEmpty((level + 1) * LevelSpan - 1).Max() + 1;
            var rowType = DatasetTables.All.Single(t => t.Name == table).RowType;
            await RowTypeDispatch.Run(rowType, new PartMerge(Staging, table, parts, next));
        }
    }

    private sealed record PartMerge(string Folder, string Table, List<string> Parts, int Into) : IRowTypeWork<Task>
    {
        public Task Run<TRow>() where TRow : class, new() => MergeAsync<TRow>(Folder, Table, Parts, Into);
    }

    /// <summary>Writes <paramref name="parts"/> (in order) as part <paramref name="into"/>, then removes them from the staging folder.</summary>
    private static async Task MergeAsync<T>(string folder, string table, List<string> parts, int into) where T : class, new()
    {
        await using (var writer = new ParquetTableWriter<T>(folder, table, into))
        {
            foreach (var part in parts)
            {
                await foreach (var row in ParquetTableReader.ReadAsync<T>(part)) await writer.AddAsync(row);
            }
        }
        foreach (var part in parts) File.Delete(part);
    }

    /// <summary>
    /// Moves the work folder into the staging and commits it as the dataset: the commit protocol of
    /// <see cref="DatasetFolder"/>, syncing only the batch's own files (the linked ones were synced when
    /// they were committed).
    /// </summary>
    public void Commit()
    {
        if (_workInTarget) Directory.Move(Path.Combine(Target, DatasetFolder.WorkCacheFolder), Path.Combine(Staging, DatasetFolder.WorkCacheFolder));
        DiskSync.Tree(Staging, DatasetFolder.WorkCacheFolder, durable: file => _linked.TryGetValue(file, out var was) && was == Stamp(file));
        _output.RetireTarget();
        _output.PublishStaging();
        _output.RemoveRetired();
    }

    private void Link(string from, string to)
    {
        HardLink.LinkOrCopy(from, to);
        _linked[to] = Stamp(to);
    }

    private static (long, DateTime) Stamp(string file)
    {
        var info = new FileInfo(file);
        return (info.Length, info.LastWriteTimeUtc);
    }

    /// <summary>After a failure: the staging goes, the committed dataset (with its work folder) stays.</summary>
    public void Abandon() => _output.Abandon();

    public void Dispose() => _output.Dispose();

    private static int PartNumber(string file) =>
        int.Parse(Path.GetFileNameWithoutExtension(file).AsSpan("part-".Length), System.Globalization.CultureInfo.InvariantCulture);
}
