using System.Text.Json;
using Trap.Pipeline.Stages;

namespace Trap.Pipeline.Work;

/// <summary>
/// The work an earlier run of the job left in its dataset (`_work`), for `trap run --append`: an
/// image's extraction (its sources, background grid and summary) and its forced fits are linked (or copied) into
/// the new run's work folder instead of being made again, when the image, its id and the configuration
/// are the same and, for forced fits, the positions asked for are the same. Every other image is
/// processed as in a full run, so an appended run gives the dataset a full re-run gives. A file that
/// cannot be read back is simply made again.
/// </summary>
public sealed class WorkCache
{
    private readonly WorkFolder _previous;
    private readonly HashSet<long> _sameImages;

    private WorkCache(WorkFolder previous, HashSet<long> sameImages)
    {
        _previous = previous;
        _sameImages = sameImages;
    }

    /// <summary>Images whose earlier work matches this run's.</summary>
    public int Matching => _sameImages.Count;

    /// <summary>The cache of the dataset at <paramref name="outputFolder"/> for a run with <paramref name="manifest"/>; null when there is none or the configuration changed.</summary>
    public static WorkCache? Open(string outputFolder, WorkManifest manifest)
    {
        var previous = new WorkFolder(Path.Combine(outputFolder, Output.DatasetFolder.WorkCacheFolder));
        var earlier = WorkManifest.Read(previous);
        if (earlier is null || earlier.ConfigHash != manifest.ConfigHash) return null;
        var known = earlier.Images.ToHashSet();
        return new WorkCache(previous, manifest.Images.Where(known.Contains).Select(i => i.ImageId).ToHashSet());
    }

    /// <summary>Serialises an extraction summary for a later run's cache.</summary>
    public static void WriteSummary(WorkFolder work, ImageSummary summary) => WorkFile.WriteValue(work.Summary(summary.ImageId), summary);

    /// <summary>Copies an image's extraction into <paramref name="work"/> and returns its summary; null when it must be extracted again.</summary>
    public ImageSummary? AdoptExtraction(long imageId, WorkFolder work)
    {
        if (!_sameImages.Contains(imageId)) return null;
        try
        {
            var summary = WorkFile.ReadValue<ImageSummary>(_previous.Summary(imageId));
            if (summary.ImageId != imageId) return null;
            if (summary.Facts is not null && summary.ExtractionError is null)
            {
                HardLink.LinkOrCopy(_previous.Extractions(imageId), work.Extractions(imageId));
                HardLink.LinkOrCopy(_previous.BackgroundGrid(imageId), work.BackgroundGrid(imageId));
            }
            HardLink.LinkOrCopy(_previous.Summary(imageId), work.Summary(imageId));
            return summary;
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Copies an image's forced fits when the earlier run asked for exactly the same positions; false when they must be fitted.</summary>
    public bool AdoptForcedFits(long imageId, WorkFolder work)
    {
        if (!_sameImages.Contains(imageId)) return false;
        try
        {
            var (before, now) = (_previous.ForcedFitRequests(imageId), work.ForcedFitRequests(imageId));
            if (!File.Exists(before) || !File.ReadAllBytes(before).AsSpan().SequenceEqual(File.ReadAllBytes(now))) return false;
            HardLink.LinkOrCopy(_previous.ForcedFits(imageId), work.ForcedFits(imageId));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
