using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The images a stream's dataset holds (by path), as far as the poll still lists them: read from the
/// dataset's images table once, when the stream starts (so a restarted stream continues where the
/// dataset ends), then kept up to date by the stream itself after each commit, so that a poll for new
/// images costs a folder listing and not a read of a table that grows with the stream. A path is kept as
/// its 128-bit hash, not its string (<see cref="Hash128Set"/>: 16.4 bytes per path), and only while the
/// listing holds it: a feed whose committed files are removed keeps a set as big as its folder, not its
/// history (<see cref="NotCommitted"/>; docs/streaming.md, "What stays bounded").
/// </summary>
public sealed class ProcessedImages
{
    /// <summary>
    /// How many paths beyond twice the committed ones a listing holds the set may keep before it forgets the
    /// unlisted: a prune goes over the listing, and the set grows by at least as many paths before the next.
    /// </summary>
    private const int PruneSlack = 256;

    private readonly Hash128Set _paths = new();

    private ProcessedImages(IReadOnlyList<ImageRow> images)
    {
        foreach (var image in images) _paths.Add(Hash128.OfText(image.Url));
        CommittedUntilUtc = images.Max(i => i.StartUtc);
    }

    /// <summary>The images of the dataset at <paramref name="datasetFolder"/> (none when there is no dataset yet).</summary>
    public static ProcessedImages FromDataset(string datasetFolder) =>
        new(CommittedImageRows.All(datasetFolder).ToList());

    /// <summary>The paths held: the committed images', less those no longer listed that were forgotten.</summary>
    public int Count => _paths.Count;

    /// <summary>The bytes kept for the paths held (docs/streaming.md).</summary>
    public long RetainedBytes => _paths.RetainedBytes;

    /// <summary>
    /// The newest start time the dataset holds (null: none yet). A batch never processes less than this,
    /// or it would drop committed timesteps: an image that lands late for an earlier timestep is
    /// processed with everything committed, in time order, as a batch run places it.
    /// </summary>
    public DateTime? CommittedUntilUtc { get; private set; }

    public bool Contains(string url) => _paths.Contains(Hash128.OfText(url));

    /// <summary>
    /// The paths of <paramref name="listing"/> (a poll's) the dataset does not hold, in its order. When the set
    /// holds more than twice the committed paths listed (plus <see cref="PruneSlack"/>), it keeps only those:
    /// a path removed from the folder is forgotten, and should it come back it is read as a new arrival, which
    /// is safe (docs/streaming.md, "What stays bounded": its start time is committed, so its batch is a full
    /// appended run, which finds it among the dataset's images or is refused).
    /// </summary>
    public List<string> NotCommitted(IReadOnlyList<string> listing)
    {
        var notCommitted = new List<string>();
        var committed = 0;
        foreach (var url in listing)
        {
            if (Contains(url)) committed++;
            else notCommitted.Add(url);
        }
        if (_paths.Count > 2L * committed + PruneSlack) _paths.KeepOnly(listing.Select(Hash128.OfText));
        return notCommitted;
    }

    /// <summary>Images a batch just committed to the dataset, which now holds every timestep up to <paramref name="untilUtc"/>.</summary>
    public void Add(IEnumerable<string> urls, DateTime untilUtc)
    {
        foreach (var url in urls) _paths.Add(Hash128.OfText(url));
        if (CommittedUntilUtc is null || untilUtc > CommittedUntilUtc) CommittedUntilUtc = untilUtc;
    }
}
