using Trap.Engine;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Work;
using Trap.Science.Association;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// A bucket's steps in an incremental batch of `trap stream`: the catalogue stage's steps
/// (<see cref="CatalogueSteps"/>, which write the tables), with the forced fits made in between, as
/// TraP does: once every image of the timestep is associated, the requested positions are written to
/// the work folder and all its images are fitted at once, in parallel (<see cref="ForcedFitTask"/>);
/// the catalogue steps then find them measured there, as in a batch run (docs/streaming.md).
/// </summary>
internal sealed class StreamBucketSteps(CatalogueSteps inner, WorkFolder work, JobContext context, int parallelism) : IBucketSteps
{
    private readonly List<ForcedFitWork> _toFit = new();

    public IReadOnlyList<SourceMeasurement> BlindExtractions(BucketImage image) => inner.BlindExtractions(image);

    public void Associated(BucketImage image, ImageAssociationResult result)
    {
        if (!image.Record.Rejected && result.ForcedFitRequests.Count > 0)
        {
            WorkFile.Write(work.ForcedFitRequests(image.Record.Id), result.ForcedFitRequests.Select(ForcedFitRequestRow.From));
            _toFit.Add(new ForcedFitWork(image.Record.Id, image.Url, work.Root));
        }
        inner.Associated(image, result);
    }

    public (IReadOnlyList<SourceMeasurement> NullDetections, IReadOnlyList<SourceMeasurement> Monitors) ForcedFits(
        BucketImage image, IReadOnlyList<ForcedFitRequest> requests)
    {
        if (_toFit.Count > 0)
        {
            Parallel.ForEach(_toFit, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, fit => new ForcedFitTask().Run(fit, context));
            _toFit.Clear();
        }
        return inner.ForcedFits(image, requests);
    }

    public void ForcedFitsAssociated(BucketImage image, ImageAssociationResult result) => inner.ForcedFitsAssociated(image, result);

    public void TimestepDone() => inner.TimestepDone();
}
