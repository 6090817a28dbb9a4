using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Planning;
using Trap.Science.Association;
using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The historical QC (docs/architecture.md, stage 3): over the extraction stage's per-image summaries, in observation
/// order, on the driver (small records only); and what follows from each verdict: the image row, the
/// rejection row, and the image as its sky bucket's association sees it.
/// </summary>
public sealed class ImageVerdicts
{
    public List<ImageRow> Images { get; } = new();

    public List<RejectionRow> Rejections { get; } = new();

    /// <summary>Each bucket's images in association order (observation order: time, frequency, id).</summary>
    public SortedDictionary<int, List<BucketImage>> Buckets { get; } = new();

    public static ImageVerdicts Apply(JobPlan plan, IReadOnlyList<ImageSummary> summaries, JobConfig config) =>
        Continue(new RmsHistory(config.Quality), plan.Images, summaries, config);

    /// <summary>
    /// The verdicts of <paramref name="images"/> (with their <paramref name="summaries"/>, in the same order), which
    /// follow in observation order the images <paramref name="history"/> has already seen; it goes on with them.
    /// The historical check only looks back, so the earlier images' verdicts stand (`trap stream`, docs/streaming.md).
    /// </summary>
    public static ImageVerdicts Continue(RmsHistory history, IReadOnlyList<PlannedImage> images, IReadOnlyList<ImageSummary> summaries, JobConfig config)
    {
        if (summaries.Count != images.Count) throw new ArgumentException($"{images.Count} images but {summaries.Count} extraction summaries");
        var verdicts = new ImageVerdicts();
        for (var i = 0; i < images.Count; i++)
        {
            var planned = images[i];
            var summary = summaries[i];
            if (summary.ImageId != planned.ImageId) throw new ArgumentException($"the extraction summary of image {summary.ImageId} was given for image {planned.ImageId}");
            var quality = history.Apply(summary.Quality);
            var accepted = quality.Accepted && summary.ExtractionError is null;
            var record = ImageRecordOf(planned, summary, accepted, config);
            verdicts.Images.Add(RowMapping.Image(planned, summary, quality, record, accepted, config));
            if (!accepted) verdicts.Rejections.Add(quality.Accepted
                ? RowMapping.Rejection(planned, RejectReason.ExtractionFailed.Id, RejectReason.ExtractionFailed.Name, summary.ExtractionError ?? "")
                : RowMapping.Rejection(planned, quality.ReasonId, quality.ReasonName, quality.Explanation));
            if (!verdicts.Buckets.TryGetValue(planned.Bucket, out var bucket)) verdicts.Buckets[planned.Bucket] = bucket = new();
            bucket.Add(new BucketImage(record, planned.Header.Url));
        }
        return verdicts;
    }

    private static ImageRecord ImageRecordOf(PlannedImage planned, ImageSummary summary, bool accepted, JobConfig config)
    {
        var h = planned.Header;
        return new ImageRecord(planned.ImageId, planned.BandId, planned.SkyRegionId, h.StartUtc, h.FrequencyHz,
            h.CentreRaDeg, h.CentreDecDeg, h.ExtractionRadiusDeg, h.BeamSemiMajorDeg,
            accepted ? summary.RmsMin : double.NaN, accepted ? summary.RmsMax : double.NaN,
            config.Extraction.DetectionThreshold, Rejected: !accepted);
    }
}
