namespace Trap.Pipeline.Work;

/// <summary>
/// The job's working folder: the data plane between stages (docs/architecture.md). Each task writes
/// its outputs here as files named by image or bucket id and later stages' tasks read them, so the
/// driver passes only this path and ids, never the records. On a cluster it must be on storage every
/// worker sees (it lies inside the run's staging folder, beside the output). Every file is written
/// whole under a temporary name and then renamed, and a task writes the same bytes however often it
/// runs, so a re-run or duplicated task can never corrupt it.
/// </summary>
public sealed record WorkFolder(string Root)
{
    /// <summary>Blind extractions of an image (extracted_sources rows with their final ids).</summary>
    public string Extractions(long imageId) => File("extract", $"{imageId}.json");

    /// <summary>The background/RMS node grid of an image, so its forced fits need not estimate it again.</summary>
    public string BackgroundGrid(long imageId) => File("grid", $"{imageId}.grid");

    /// <summary>The positions association asked to be forced-fitted in an image.</summary>
    public string ForcedFitRequests(long imageId) => File("requests", $"{imageId}.json");

    /// <summary>The forced fits made in an image (extracted_sources rows; ids are given by the final reduce).</summary>
    public string ForcedFits(long imageId) => File("forced", $"{imageId}.json");

    /// <summary>What the extraction stage told the driver of an image (JSON), kept for `trap run --append`.</summary>
    public string Summary(long imageId) => File("summary", $"{imageId}.json");

    /// <summary>Which images and configuration this folder's files belong to (<see cref="WorkManifest"/>).</summary>
    public string Manifest => Path.Combine(Root, "manifest.json");

    /// <summary>What planning read of each image's header, for the next appended run (<see cref="HeaderCache"/>).</summary>
    public string Headers => Path.Combine(Root, "headers.json");

    /// <summary>
    /// `trap stream`'s scratch copy of its older committed images for the candidate stage (<see cref="Streaming.CommittedImages"/>):
    /// written by one stream state, replaced by the next, read by no other (docs/streaming.md, "What stays bounded").
    /// </summary>
    public string StreamImages => Path.Combine(Root, "stream-images.blocks");

    /// <summary>The images of a sky bucket in association order, with their QC verdicts.</summary>
    public string BucketImages(int bucket) => File("buckets", $"{bucket}.json");

    private string File(string kind, string name) => Path.Combine(Root, kind, name);
}
