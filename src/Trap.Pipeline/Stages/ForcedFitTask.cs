using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;

namespace Trap.Pipeline.Stages;

/// <summary>Input of the forced-fit stage: one image whose requests are in the working folder.</summary>
public sealed record ForcedFitWork(long ImageId, string Url, string WorkFolder);

/// <summary>How many of an image's requested positions could be measured.</summary>
public sealed record ForcedFitSummary(long ImageId, int Requested, int Measured);

/// <summary>
/// The map of forced fits over every image with requests (docs/architecture.md, stage 5): measures each requested
/// position with the beam shape and position fixed and writes the measurements to the working
/// folder (their ids are numbered by the catalogue stage, in its request order).
/// </summary>
public sealed class ForcedFitTask : IMapTask<ForcedFitWork, ForcedFitSummary>
{
    public ForcedFitSummary Run(ForcedFitWork work, JobContext context)
    {
        var config = JobConfigCache.Get(context);
        var folder = new WorkFolder(work.WorkFolder);
        var requests = WorkFile.Read<ForcedFitRequestRow>(folder.ForcedFitRequests(work.ImageId));
        using var fitter = new ImageForcedFitter(work.ImageId, work.Url, folder, config, requests.Select(r => (r.RaDeg, r.DecDeg)));
        var fits = new List<ExtractedSourceRow>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (fitter.Fit(requests[i].ToRequest(), i) is { } row) fits.Add(row);
        }
        WorkFile.Write(folder.ForcedFits(work.ImageId), fits);
        return new ForcedFitSummary(work.ImageId, requests.Count, fits.Count);
    }
}
