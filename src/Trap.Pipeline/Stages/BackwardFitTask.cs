using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Work;
using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>A candidate's catalogue position (or a catalogue neighbour's), to be measured in an image.</summary>
public sealed record BackwardPosition(long RuncatId, double RaDeg, double DecDeg);

/// <summary>Input of the candidate stage's forced-fit map: one image and every candidate position to measure in it.</summary>
/// <param name="Neighbours">
/// Null: each fit is made jointly with the image's blind detections and the other positions (backward fits, docs/science.md §7.5).
/// Else the catalogue positions around blended candidates: fits are made jointly with these and the other positions, and not
/// with the image's blind detections (group fits, docs/science.md, "Group fits of blended candidates").
/// </param>
public sealed record BackwardFitWork(long ImageId, string Url, string WorkFolder, List<BackwardPosition> Positions,
    List<BackwardPosition>? Neighbours = null);

/// <summary>The fluxes measured at a candidate's position in one image.</summary>
public sealed record BackwardFit(long RuncatId, double FIntJy, double FIntErrJy, double FPeakJy, double FPeakErrJy);

/// <summary>What one image gave: the positions that could be measured.</summary>
public sealed record BackwardFits(long ImageId, List<BackwardFit> Fits);

/// <summary>
/// The forced-fit map of the candidate stage (<see cref="BackwardPhotometry"/>, <see cref="GroupPhotometry"/>): each
/// image is read once on a worker and measured at the positions it covers, with the background and RMS of the
/// fit boxes interpolated from the grid its extraction left in the working folder (as the forced-fit
/// stage does), so the driver reads no pixels and no image-wide map is made again.
/// </summary>
public sealed class BackwardFitTask : IMapTask<BackwardFitWork, BackwardFits>
{
    public BackwardFits Run(BackwardFitWork work, JobContext context)
    {
        var requested = work.Positions.Concat(work.Neighbours ?? []).Select(p => (p.RaDeg, p.DecDeg));
        using var fitter = new ImageForcedFitter(work.ImageId, work.Url, new WorkFolder(work.WorkFolder), JobConfigCache.Get(context),
            requested, blindNeighbours: work.Neighbours is null);
        var fits = new List<BackwardFit>();
        foreach (var position in work.Positions)
        {
            var request = new ForcedFitRequest(work.ImageId, ForcedFitKind.NullDetection, position.RuncatId, null, position.RaDeg, position.DecDeg);
            if (fitter.Fit(request, 0) is { } row) fits.Add(new BackwardFit(position.RuncatId, row.FIntJy, row.FIntErrJy, row.FPeakJy, row.FPeakErrJy));
        }
        return new BackwardFits(work.ImageId, fits);
    }
}
