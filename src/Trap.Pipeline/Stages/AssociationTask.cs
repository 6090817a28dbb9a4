using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;
using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The first reduce per sky bucket (docs/architecture.md, stage 4): associates the bucket's blind extractions in
/// time order in one pass and writes each image's forced-fit requests to the working folder.
/// Forced fits never move positions, so association does not wait for them: each null-detection
/// fit is assumed measurable here (it counts towards expiration). The catalogue stage replays the
/// bucket with the measured fits and fits inline the rare position whose earlier fit failed
/// (so expiration counts successful fits, exactly as TraP).
/// </summary>
public sealed class AssociationTask : IMapTask<BucketWork, BucketRequests>
{
    public BucketRequests Run(BucketWork work, JobContext context)
    {
        var steps = new Steps(new WorkFolder(work.WorkFolder));
        BucketReplay.Run(work, JobConfigCache.Get(context), context.ConfigSource, steps);
        return new BucketRequests(work.Bucket, steps.Requested);
    }

    private sealed class Steps : IBucketSteps
    {
        private static readonly PositionErrors Assumed = new(1, 1, 1, 1, 1, 1);
        private readonly WorkFolder _work;

        public Steps(WorkFolder work) => _work = work;

        public List<ImageRequests> Requested { get; } = new();

        public IReadOnlyList<SourceMeasurement> BlindExtractions(BucketImage image) =>
            WorkFile.Read<ExtractedSourceRow>(_work.Extractions(image.Record.Id)).Select(RowMapping.Measurement).ToList();

        public void Associated(BucketImage image, ImageAssociationResult result)
        {
            if (result.ForcedFitRequests.Count == 0) return;
            WorkFile.Write(_work.ForcedFitRequests(image.Record.Id), result.ForcedFitRequests.Select(ForcedFitRequestRow.From));
            Requested.Add(new ImageRequests(image.Record.Id, image.Url, result.ForcedFitRequests.Count));
        }

        public (IReadOnlyList<SourceMeasurement> NullDetections, IReadOnlyList<SourceMeasurement> Monitors) ForcedFits(
            BucketImage image, IReadOnlyList<ForcedFitRequest> requests)
        {
            // Only the count of null-detection fits matters to later requests; fluxes are the catalogue stage's.
            var nulls = requests.Where(r => r.Kind == ForcedFitKind.NullDetection)
                .Select((r, i) => new SourceMeasurement(MeasurementIds.Forced(image.Record.Id, i), image.Record.Id, ExtractType.NullDetection,
                    r.RaDeg, r.DecDeg, Assumed, 1, 1, 1, 1, 0, r.RuncatId))
                .ToList();
            return (nulls, Array.Empty<SourceMeasurement>());
        }

        public void ForcedFitsAssociated(BucketImage image, ImageAssociationResult result)
        {
        }

        public void TimestepDone()
        {
        }
    }
}
