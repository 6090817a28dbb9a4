using Trap.Dataset;
using Trap.Science.Quality;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Finds images whose files have the same content (<see cref="PlanEntry.ContentHash"/>): the first in
/// plan order is kept, every later copy is rejected as a duplicate of it (reason 13), so no pixel is
/// measured twice.
/// </summary>
public sealed class DuplicateImages
{
    /// <summary>Image id and path of the first image with each content hash.</summary>
    private readonly Dictionary<string, (int ImageId, string Url)> _firstWithHash = new(StringComparer.Ordinal);
    private int _kept;

    /// <summary>
    /// Splits readable entries, in plan order, into those kept (numbered on from the images kept by
    /// earlier calls: their index plus that count is their image id) and the rejected copies.
    /// </summary>
    public (List<PlanEntry> Kept, List<PlanEntry> Duplicates) Split(IReadOnlyList<PlanEntry> ordered)
    {
        var kept = new List<PlanEntry>(ordered.Count);
        var duplicates = new List<PlanEntry>();
        foreach (var entry in ordered)
        {
            if (entry.ContentHash is { } hash && _firstWithHash.TryGetValue(hash, out var original))
            {
                duplicates.Add(entry with { Rejection = Rejection(entry.Url, original.ImageId, original.Url) });
                continue;
            }
            if (entry.ContentHash is { } first) _firstWithHash[first] = (_kept, entry.Url);
            kept.Add(entry);
            _kept++;
        }
        return (kept, duplicates);
    }

    private static QualityRecord Rejection(string url, int imageId, string keptUrl) =>
        ImageQualityControl.Unreadable(url, RejectReason.Duplicate,
            $"duplicate of image {imageId} ({keptUrl}): {url} has the same content, so its sources would be counted twice. " +
            "Remove the copy or narrow [job] images").ToRecord();
}
