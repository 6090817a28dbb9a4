using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The images a stream's dataset holds (by path): read from the dataset's images table once, when the
/// stream starts (so a restarted stream continues where the dataset ends), then kept up to date by the
/// stream itself after each commit, so that a poll for new images costs a folder listing and not a
/// read of a table that grows with the stream (docs/streaming.md).
/// </summary>
public sealed class ProcessedImages
{
    private readonly HashSet<string> _urls;

    private ProcessedImages(IReadOnlyList<ImageRow> images)
    {
        _urls = images.Select(i => i.Url).ToHashSet(StringComparer.Ordinal);
        CommittedUntilUtc = images.Max(i => i.StartUtc);
    }

    /// <summary>The images of the dataset at <paramref name="datasetFolder"/> (none when there is no dataset yet).</summary>
    public static ProcessedImages FromDataset(string datasetFolder) =>
        new(ParquetTableReader.Parts(datasetFolder, DatasetTables.Images).SelectMany(ParquetTableReader.ReadFile<ImageRow>).ToList());

    public int Count => _urls.Count;

    public IReadOnlyCollection<string> Urls => _urls;

    /// <summary>
    /// The newest start time the dataset holds (null: none yet). A batch never processes less than this,
    /// or it would drop committed timesteps: an image that lands late for an earlier timestep is
    /// processed with everything committed, in time order, as a batch run places it.
    /// </summary>
    public DateTime? CommittedUntilUtc { get; private set; }

    public bool Contains(string url) => _urls.Contains(url);

    /// <summary>Images a batch just committed to the dataset, which now holds every timestep up to <paramref name="untilUtc"/>.</summary>
    public void Add(IEnumerable<string> urls, DateTime untilUtc)
    {
        _urls.UnionWith(urls);
        if (CommittedUntilUtc is null || untilUtc > CommittedUntilUtc) CommittedUntilUtc = untilUtc;
    }
}
