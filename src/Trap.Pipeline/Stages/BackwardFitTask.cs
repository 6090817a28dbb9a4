using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Work;
using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>A new-source candidate's position, to be measured in an earlier image.</summary>
public sealed record BackwardPosition(long RuncatId, double RaDeg, double DecDeg);

/// <summary>Input of the backward-photometry map: one earlier image and every candidate position it covers.</summary>
public sealed record BackwardFitWork(long ImageId, string Url, string WorkFolder, List<BackwardPosition> Positions);

/// <summary>The integrated flux measured at a candidate's position in one earlier image.</summary>
public sealed record BackwardFit(long RuncatId, double FIntJy, double FIntErrJy);

/// <summary>What one image gave: the positions that could be measured.</summary>
public sealed record BackwardFits(long ImageId, List<BackwardFit> Fits);

/// <summary>
/// The map of backward forced photometry (<see cref="BackwardPhotometry"/>): each earlier image is
/// read once on a worker and measured at the positions it covers, with the background and RMS of the
/// fit boxes interpolated from the grid its extraction left in the working folder (as the forced-fit
/// stage does), so the driver reads no pixels and no image-wide map is made again.
/// </summary>
public sealed class BackwardFitTask : IMapTask<BackwardFitWork, BackwardFits>
{
    public BackwardFits Run(BackwardFitWork work, JobContext context)
    {
        using var fitter = new ImageForcedFitter(work.ImageId, work.Url, new WorkFolder(work.WorkFolder), JobConfigCache.Get(context),
            work.Positions.Select(p => (p.RaDeg, p.DecDeg)));
        var fits = new List<BackwardFit>();
        foreach (var position in work.Positions)
        {
            var request = new ForcedFitRequest(work.ImageId, ForcedFitKind.NullDetection, position.RuncatId, null, position.RaDeg, position.DecDeg);
            if (fitter.Fit(request, 0) is { } row) fits.Add(new BackwardFit(position.RuncatId, row.FIntJy, row.FIntErrJy));
        }
        return new BackwardFits(work.ImageId, fits);
    }
}
