using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>The keyed state of association: one running catalogue per sky bucket.</summary>
public static class CatalogueState
{
    /// <summary>Engine stage name under which every bucket's catalogue lives.</summary>
    public const string Stage = "catalogue";

    public static RunningCatalogue Create(JobContext context)
    {
        var config = JobConfigCache.Get(context);
        var monitors = MonitorList.Load(config, context.ConfigSource).Select(e => e.Position).ToList();
        return new RunningCatalogue(config.Association, monitors);
    }
}

/// <summary>Reduce task: associates a timestep's blind extractions of one bucket, image by image.</summary>
public sealed class BlindAssociationTask : IReduceTask<int, BlindImageWork, RunningCatalogue, ImageAssociationResult>
{
    public RunningCatalogue CreateState(int key, JobContext context) => CatalogueState.Create(context);

    public IEnumerable<ImageAssociationResult> Reduce(int key, RunningCatalogue state, IReadOnlyList<BlindImageWork> records, JobContext context) =>
        records.Select(r => state.AssociateImage(r.Image, r.Measurements)).ToList();
}

/// <summary>Reduce task: associates the forced fits of a timestep's images of one bucket.</summary>
public sealed class ForcedAssociationTask : IReduceTask<int, ForcedImageWork, RunningCatalogue, ImageAssociationResult>
{
    public RunningCatalogue CreateState(int key, JobContext context) => CatalogueState.Create(context);

    public IEnumerable<ImageAssociationResult> Reduce(int key, RunningCatalogue state, IReadOnlyList<ForcedImageWork> records, JobContext context) =>
        records.Select(r => state.AssociateForcedFits(r.Image, r.NullDetections, r.MonitorFits)).ToList();
}
