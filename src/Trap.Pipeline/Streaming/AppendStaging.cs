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

    private AppendStaging(DatasetFolder output) => _output = output;

    public string Target => _output.Target;

    public string Staging => _output.Staging;

    /// <summary>The dataset's work folder, where the batch's tasks write.</summary>
    public WorkFolder Work => new(Path.Combine(Target, DatasetFolder.WorkCacheFolder));

    /// <summary>Locks the dataset and links its committed files into a fresh staging folder.</summary>
    public static AppendStaging Open(string target)
    {
        var output = DatasetFolder.Open(target);
        try
        {
            Directory.CreateDirectory(Path.Combine(output.Target, DatasetFolder.WorkCacheFolder));
            foreach (var entry in Directory.EnumerateFileSystemEntries(output.Target))
            {
                var name = Path.GetFileName(entry);
                if (Rewritten.Contains(name)) continue;
                if (Directory.Exists(entry))
                {
                    var folder = Directory.CreateDirectory(Path.Combine(output.Staging, name)).FullName;
                    foreach (var file in Directory.EnumerateFiles(entry)) HardLink.LinkOrCopy(file, Path.Combine(folder, Path.GetFileName(file)));
                }
                else HardLink.LinkOrCopy(entry, Path.Combine(output.Staging, name));
            }
            return new AppendStaging(output);
        }
        catch
        {
            output.Abandon();
            output.Dispose();
            throw;
        }
    }

    /// <summary>A part number no file of <paramref name="tables"/> uses yet in the staging folder.</summary>
    public int NextPart(params string[] tables) =>
        tables.SelectMany(t => ParquetTableReader.Parts(Staging, t)).Select(PartNumber).DefaultIfEmpty(-1).Max() + 1;

    /// <summary>Moves the work folder into the staging and commits it as the dataset.</summary>
    public void Commit()
    {
        Directory.Move(Path.Combine(Target, DatasetFolder.WorkCacheFolder), Path.Combine(Staging, DatasetFolder.WorkCacheFolder));
        _output.Commit();
    }

    /// <summary>After a failure: the staging goes, the committed dataset (with its work folder) stays.</summary>
    public void Abandon() => _output.Abandon();

    public void Dispose() => _output.Dispose();

    private static int PartNumber(string file) =>
        int.Parse(Path.GetFileNameWithoutExtension(file).AsSpan("part-".Length), System.Globalization.CultureInfo.InvariantCulture);
}
