using Trap.Dataset;
using Trap.Science.Quality;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Finds images whose files have the same content (<see cref="PlanEntry.ContentHash"/>) among the images
/// planned together: the first in plan order is kept, every later copy is rejected as a duplicate of it
/// (reason 13), so no pixel is measured twice. Images planned earlier need no check: a copy has its
/// original's bytes, so its header and start time, and a <see cref="GrowingPlan"/> refuses an image not
/// later than those it planned (docs/streaming.md, "What stays bounded").
/// </summary>
public static class DuplicateImages
{
    /// <summary>
    /// Splits readable entries, in plan order, into those kept (numbered from <paramref name="firstImageId"/>:
    /// their index plus it is their image id) and the rejected copies.
    /// </summary>
    public static (List<PlanEntry> Kept, List<PlanEntry> Duplicates) Split(IReadOnlyList<PlanEntry> ordered, int firstImageId)
    {
        var firstWithHash = new Dictionary<string, (int ImageId, string Url)>(StringComparer.Ordinal);
        var kept = new List<PlanEntry>(ordered.Count);
        var duplicates = new List<PlanEntry>();
        foreach (var entry in ordered)
        {
            if (entry.ContentHash is { } hash && firstWithHash.TryGetValue(hash, out var original))
            {
                duplicates.Add(entry with { Rejection = Rejection(entry.Url, original.ImageId, original.Url) });
                continue;
            }
            if (entry.ContentHash is { } first) firstWithHash[first] = (firstImageId + kept.Count, entry.Url);
            kept.Add(entry);
        }
        return (kept, duplicates);
    }

    private static QualityRecord Rejection(string url, int imageId, string keptUrl) =>
        ImageQualityControl.Unreadable(url, RejectReason.Duplicate,
            $"duplicate of image {imageId} ({keptUrl}): {url} has the same content, so its sources would be counted twice. " +
            "Remove the copy or narrow [job] images").ToRecord();
}
