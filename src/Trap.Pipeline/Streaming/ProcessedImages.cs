using Trap.Pipeline.Output;
using Trap.Pipeline.Output.Rows;

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

    private ProcessedImages(IEnumerable<string> urls) => _urls = urls.ToHashSet(StringComparer.Ordinal);

    /// <summary>The images of the dataset at <paramref name="datasetFolder"/> (none when there is no dataset yet).</summary>
    public static ProcessedImages FromDataset(string datasetFolder) =>
        new(ParquetTableReader.Parts(datasetFolder, DatasetTables.Images).SelectMany(ParquetTableReader.ReadFile<ImageRow>).Select(r => r.Url));

    public int Count => _urls.Count;

    public bool Contains(string url) => _urls.Contains(url);

    /// <summary>Images a batch just committed to the dataset.</summary>
    public void Add(IEnumerable<string> urls) => _urls.UnionWith(urls);
}
