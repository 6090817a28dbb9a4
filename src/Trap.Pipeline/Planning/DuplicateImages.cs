using Trap.Dataset;
using Trap.Science.Quality;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Finds images whose files have the same content (<see cref="PlanEntry.ContentHash"/>): the first in
/// plan order is kept, every later copy is rejected as a duplicate of it (reason 13), so no pixel is
/// measured twice.
/// </summary>
public static class DuplicateImages
{
    /// <summary>Splits readable entries, in plan order, into those kept (whose index is their image id) and the rejected copies.</summary>
    public static (List<PlanEntry> Kept, List<PlanEntry> Duplicates) Split(IReadOnlyList<PlanEntry> ordered)
    {
        var kept = new List<PlanEntry>(ordered.Count);
        var duplicates = new List<PlanEntry>();
        var firstWithHash = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in ordered)
        {
            if (entry.ContentHash is { } hash && firstWithHash.TryGetValue(hash, out var imageId))
            {
                duplicates.Add(entry with { Rejection = Rejection(entry.Url, imageId, kept[imageId].Url) });
                continue;
            }
            if (entry.ContentHash is { } first) firstWithHash[first] = kept.Count;
            kept.Add(entry);
        }
        return (kept, duplicates);
    }

    private static QualityRecord Rejection(string url, int imageId, string keptUrl) =>
        ImageQualityControl.Unreadable(url, RejectReason.Duplicate,
            $"duplicate of image {imageId} ({keptUrl}): {url} has the same content, so its sources would be counted twice. " +
            "Remove the copy or narrow [job] images").ToRecord();
}
