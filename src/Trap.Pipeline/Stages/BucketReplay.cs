using Trap.Dataset;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;
using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>One image of a bucket as the reduce tasks see it.</summary>
public sealed record BucketImage(ImageRecord Record, string Url);

/// <summary>What a reduce stage does at each step of <see cref="BucketReplay"/>.</summary>
public interface IBucketSteps
{
    /// <summary>The blind extractions of an accepted image.</summary>
    IReadOnlyList<SourceMeasurement> BlindExtractions(BucketImage image);

    void Associated(BucketImage image, ImageAssociationResult result);

    /// <summary>The forced fits of an accepted image at the positions association asked for.</summary>
    (IReadOnlyList<SourceMeasurement> NullDetections, IReadOnlyList<SourceMeasurement> Monitors) ForcedFits(
        BucketImage image, IReadOnlyList<ForcedFitRequest> requests);

    void ForcedFitsAssociated(BucketImage image, ImageAssociationResult result);

    void TimestepDone();
}

/// <summary>
/// Runs one sky bucket's running catalogue over its images in TraP's order (docs/science.md §9, the
/// contract of <see cref="RunningCatalogue"/>): timestep by timestep, blind association of every
/// image in ascending (frequency, id), then the forced fits of each accepted image. The whole
/// catalogue lives inside this one task. Both reduce stages run it: the association stage with the
/// forced fits assumed measurable, to learn the requests; the catalogue stage with the measured ones.
/// </summary>
public static class BucketReplay
{
    public static RunningCatalogue Run(BucketWork work, JobConfig config, string configSource, IBucketSteps steps)
    {
        var catalogue = NewCatalogue(config, configSource);
        Continue(catalogue, ReadImages(new WorkFolder(work.WorkFolder), work.Bucket), steps);
        return catalogue;
    }

    /// <summary>An empty running catalogue of a bucket, with the job's monitor positions.</summary>
    public static RunningCatalogue NewCatalogue(JobConfig config, string configSource) =>
        new(config.Association, MonitorList.Load(config, configSource).Select(e => e.Position).ToList());

    /// <summary>
    /// Carries <paramref name="catalogue"/> on over <paramref name="images"/> (whole timesteps, in association
    /// order, all later than the catalogue's): `trap stream` keeps a bucket's catalogue between batches
    /// this way, with the same result as one replay over every image (docs/streaming.md).
    /// </summary>
    public static void Continue(RunningCatalogue catalogue, IReadOnlyList<BucketImage> images, IBucketSteps steps)
    {
        var accepted = new List<(BucketImage Image, IReadOnlyList<ForcedFitRequest> Requests)>();
        for (var start = 0; start < images.Count;)
        {
            var end = start;
            while (end < images.Count && images[end].Record.TimeUtc == images[start].Record.TimeUtc) end++;
            accepted.Clear();
            for (var i = start; i < end; i++)
            {
                var image = images[i];
                var blind = image.Record.Rejected ? Array.Empty<SourceMeasurement>() : steps.BlindExtractions(image);
                var result = catalogue.AssociateImage(image.Record, blind);
                steps.Associated(image, result);
                if (!image.Record.Rejected) accepted.Add((image, result.ForcedFitRequests));
            }
            foreach (var (image, requests) in accepted)
            {
                var (nulls, monitorFits) = steps.ForcedFits(image, requests);
                steps.ForcedFitsAssociated(image, catalogue.AssociateForcedFits(image.Record, nulls, monitorFits));
            }
            steps.TimestepDone();
            start = end;
        }
    }

    /// <summary>Writes a bucket's images, in association order, for its reduce tasks.</summary>
    public static void WriteImages(WorkFolder work, int bucket, IEnumerable<BucketImage> images) =>
        WorkFile.Write(work.BucketImages(bucket), images.Select(i => BucketImageRow.From(i.Record, i.Url)));

    private static List<BucketImage> ReadImages(WorkFolder work, int bucket) =>
        WorkFile.Read<BucketImageRow>(work.BucketImages(bucket)).Select(r => new BucketImage(r.ToRecord(), r.Url)).ToList();
}
