using Trap.Dataset;
using Trap.Science.Quality;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Finds images whose files have the same content (<see cref="PlanEntry.ContentHash"/>): the first in
/// plan order is kept, every later copy is rejected as a duplicate of it (reason 13), so no pixel is
/// measured twice. Exact over the whole history of a stream at 25–29 bytes per image: each kept image's
/// 128-bit fingerprint with its id (<see cref="Hash128Index"/>), not its strings. The rejection names the
/// kept image's path, which for an image of an earlier <see cref="Split"/> comes from
/// the given <c>earlierUrl</c> (`trap stream` reads it from the dataset: a copy is rare).
/// </summary>
public sealed class DuplicateImages(Func<long, string>? earlierUrl = null)
{
    private readonly Hash128Index _firstWithHash = new(withValues: true);
    private int _kept;

    /// <summary>The bytes kept for the images seen so far (docs/streaming.md).</summary>
    public long RetainedBytes => _firstWithHash.RetainedBytes;

    /// <summary>
    /// Splits readable entries, in plan order, into those kept (numbered on from the images kept by
    /// earlier calls: their index plus that count is their image id) and the rejected copies.
    /// </summary>
    public (List<PlanEntry> Kept, List<PlanEntry> Duplicates) Split(IReadOnlyList<PlanEntry> ordered)
    {
        var first = _kept;
        var kept = new List<PlanEntry>(ordered.Count);
        var duplicates = new List<PlanEntry>();
        foreach (var entry in ordered)
        {
            if (entry.ContentHash is { } hash)
            {
                var key = Hash128.OfFingerprint(hash);
                if (_firstWithHash.TryGetValue(key, out var original))
                {
                    var keptUrl = original >= first ? kept[original - first].Url : UrlOfEarlier(original, entry.Url);
                    duplicates.Add(entry with { Rejection = Rejection(entry.Url, original, keptUrl) });
                    continue;
                }
                _firstWithHash.Add(key, _kept);
            }
            kept.Add(entry);
            _kept++;
        }
        return (kept, duplicates);
    }

    private string UrlOfEarlier(int imageId, string copy) =>
        earlierUrl?.Invoke(imageId)
        ?? throw new InvalidOperationException($"{copy} is a copy of image {imageId}, planned earlier, whose path this plan was given no way to find");

    private static QualityRecord Rejection(string url, int imageId, string keptUrl) =>
        ImageQualityControl.Unreadable(url, RejectReason.Duplicate,
            $"duplicate of image {imageId} ({keptUrl}): {url} has the same content, so its sources would be counted twice. " +
            "Remove the copy or narrow [job] images").ToRecord();
}
