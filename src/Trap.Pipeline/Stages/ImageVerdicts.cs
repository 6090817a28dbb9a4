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
            verdicts.Images.Add(ImageRowOf(planned, summary, quality, record, accepted, config));
            if (!accepted) verdicts.Rejections.Add(RejectionOf(planned, quality, summary.ExtractionError));
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

    private static ImageRow ImageRowOf(PlannedImage planned, ImageSummary summary, QualityRecord quality, ImageRecord record, bool accepted,
        JobConfig config)
    {
        var h = planned.Header;
        var f = summary.Facts;
        // What an image rejected before or during extraction lacks (no facts, NaN RMS) is NULL in the dataset.
        return new ImageRow
        {
            ImageId = planned.ImageId,
            Url = h.Url,
            Telescope = NotApplicable.Text(quality.Telescope),
            Accessor = NotApplicable.Text(f?.Accessor),
            Timestep = planned.Timestep,
            BandId = planned.BandId,
            SkyRegionId = planned.SkyRegionId,
            StartUtc = h.StartUtc,
            IntegrationS = NotApplicable.Positive(quality.IntegrationSeconds),
            FreqEffHz = NotApplicable.Positive(h.FrequencyHz),
            FreqBwHz = NotApplicable.Positive(h.BandwidthHz),
            Stokes = NotApplicable.Text(f?.Stokes),
            CentreRaDeg = NotApplicable.Finite(h.CentreRaDeg),
            CentreDecDeg = NotApplicable.Finite(h.CentreDecDeg),
            XtrRadiusDeg = NotApplicable.Finite(h.ExtractionRadiusDeg),
            RbSmajDeg = f is null ? null : f.BeamSemiMajorPx * f.PixelSizeXDeg,
            RbSminDeg = f is null ? null : f.BeamSemiMinorPx * f.PixelSizeYDeg,
            RbPaDeg = f?.BeamPaDeg,
            DeltaxDeg = f?.PixelSizeXDeg,
            DeltayDeg = f?.PixelSizeYDeg,
            WidthPx = f?.Width,
            HeightPx = f?.Height,
            RmsQcJy = NotApplicable.Positive(quality.RmsQcJy),
            TheoreticalNoiseJy = NotApplicable.Positive(quality.ExpectedNoiseJy),
            RmsMinJy = NotApplicable.Finite(record.RmsMin),
            RmsMaxJy = NotApplicable.Finite(record.RmsMax),
            DetectionThresh = config.Extraction.DetectionThreshold,
            AnalysisThresh = config.Extraction.AnalysisThreshold,
            Accepted = accepted,
            NSources = accepted ? summary.SourceCount : null,
        };
    }

    private static RejectionRow RejectionOf(PlannedImage planned, QualityRecord quality, string? extractionError) =>
        quality.Accepted
            ? new RejectionRow
            {
                ImageId = planned.ImageId, Url = planned.Header.Url, ReasonId = RejectReason.ExtractionFailed.Id,
                Reason = RejectReason.ExtractionFailed.Name, Comment = extractionError ?? "",
            }
            : new RejectionRow
            {
                ImageId = planned.ImageId, Url = planned.Header.Url, ReasonId = quality.ReasonId,
                Reason = quality.ReasonName, Comment = quality.Explanation,
            };
}
