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

    public static ImageVerdicts Apply(JobPlan plan, IReadOnlyList<ImageSummary> summaries, JobConfig config)
    {
        var verdicts = new ImageVerdicts();
        var history = new RmsHistory(config.Quality);
        for (var i = 0; i < plan.Images.Count; i++)
        {
            var planned = plan.Images[i];
            var summary = summaries[i];
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
