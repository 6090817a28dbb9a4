using Trap.Engine;
using Trap.Images;
using Trap.Pipeline.Configuration;
using Trap.Science.Association;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Forced;

namespace Trap.Pipeline.Stages;

/// <summary>Input of the forced-fit stage: the positions association asked to be measured in one image.</summary>
public sealed record ForcedFitWork(long ImageId, string Url, IReadOnlyList<ForcedFitRequest> Requests);

/// <summary>One requested position and its measurement (null with the reason when it could not be fitted).</summary>
public sealed record ForcedFitResult(ForcedFitRequest Request, ExtractedSource? Source, string? Failure);

/// <summary>Output of the forced-fit stage for one image.</summary>
public sealed record ForcedFitOutcome(long ImageId, IReadOnlyList<ForcedFitResult> Results);

/// <summary>
/// The second map over images (DESIGN: forced fits need pixels): measures each requested position
/// with the beam shape and position fixed (trap-facts §7.2).
/// </summary>
public sealed class ForcedFitTask : IMapTask<ForcedFitWork, ForcedFitOutcome>
{
    public ForcedFitOutcome Run(ForcedFitWork work, JobContext context)
    {
        var config = JobConfigCache.Get(context);
        SkyImage image;
        BackgroundMaps? maps;
        try
        {
            (image, maps) = RecentImages.Get(work.Url);
        }
        catch (ImageFormatException error)
        {
            // The file changed or vanished since extraction: no forced fits here, and the run goes on.
            return new ForcedFitOutcome(work.ImageId, work.Requests.Select(r => new ForcedFitResult(r, null, error.Message)).ToList());
        }
        var photometer = ForcedPhotometer.For(image, config.Extraction, maps);
        var results = work.Requests
            .Select(r => (Request: r, Fit: photometer.Fit(r.RaDeg, r.DecDeg)))
            .Select(p => new ForcedFitResult(p.Request, p.Fit.Source, p.Fit.Failure))
            .ToList();
        return new ForcedFitOutcome(work.ImageId, results);
    }
}
