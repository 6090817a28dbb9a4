using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The images a stream's dataset holds (by path): read from the dataset's images table once, when the
/// stream starts (so a restarted stream continues where the dataset ends), then kept up to date by the
/// stream itself after each commit, so that a poll for new images costs a folder listing and not a
/// read of a table that grows with the stream. A path is kept as its 128-bit hash, not its string
/// (<see cref="Hash128Set"/>: 17.8–19.5 bytes per image; docs/streaming.md, "What stays bounded").
/// </summary>
public sealed class ProcessedImages
{
    private readonly Hash128Set _paths = new();

    private ProcessedImages(IReadOnlyList<ImageRow> images)
    {
        foreach (var image in images) _paths.Add(Hash128.OfText(image.Url));
        CommittedUntilUtc = images.Max(i => i.StartUtc);
    }

    /// <summary>The images of the dataset at <paramref name="datasetFolder"/> (none when there is no dataset yet).</summary>
    public static ProcessedImages FromDataset(string datasetFolder) =>
        new(CommittedImageRows.All(datasetFolder).ToList());

    public int Count => _paths.Count;

    /// <summary>The bytes kept for the images so far (docs/streaming.md).</summary>
    public long RetainedBytes => _paths.RetainedBytes;

    /// <summary>
    /// The newest start time the dataset holds (null: none yet). A batch never processes less than this,
    /// or it would drop committed timesteps: an image that lands late for an earlier timestep is
    /// processed with everything committed, in time order, as a batch run places it.
    /// </summary>
    public DateTime? CommittedUntilUtc { get; private set; }

    public bool Contains(string url) => _paths.Contains(Hash128.OfText(url));

    /// <summary>Images a batch just committed to the dataset, which now holds every timestep up to <paramref name="untilUtc"/>.</summary>
    public void Add(IEnumerable<string> urls, DateTime untilUtc)
    {
        foreach (var url in urls) _paths.Add(Hash128.OfText(url));
        if (CommittedUntilUtc is null || untilUtc > CommittedUntilUtc) CommittedUntilUtc = untilUtc;
    }
}
