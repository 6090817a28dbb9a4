using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Science.Association;
using Trap.Science.Variability;

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

/// <summary>Reduce input of the last round: asks a bucket's catalogue for its final tables.</summary>
public sealed record FinishCatalogueWork(int Bucket);

/// <summary>A bucket's final catalogue: sources, per-band fluxes and variability summaries (flat records).</summary>
public sealed record CatalogueTables(
    int Bucket,
    IReadOnlyList<CatalogueSourceRow> Sources,
    IReadOnlyList<BandFluxRow> Fluxes,
    IReadOnlyList<VariabilitySummary> Summaries);

/// <summary>
/// The last reduce round: each bucket's catalogue emits its final tables where it lives, so the
/// catalogue itself never has to travel (an engine may keep it on a worker).
/// </summary>
public sealed class FinishCatalogueTask : IReduceTask<int, FinishCatalogueWork, RunningCatalogue, CatalogueTables>
{
    public RunningCatalogue CreateState(int key, JobContext context) => CatalogueState.Create(context);

    public IEnumerable<CatalogueTables> Reduce(int key, RunningCatalogue state, IReadOnlyList<FinishCatalogueWork> records, JobContext context)
    {
        yield return new CatalogueTables(key, state.Sources(), state.BandFluxes(), state.Summaries());
    }
}
