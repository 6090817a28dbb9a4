using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;
using Trap.Simulation;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A survey made for measuring candidate classification: more timesteps and four of each transient
/// kind per pointing (the default spec has one or two), two bands to keep it quick; run end to end once.
/// </summary>
public sealed class CandidateSurveyRun : GeneratedSurveyRun
{
    public CandidateSurveyRun() : base("trap-candidates-")
    {
    }

    public static SurveySpec Spec => new()
    {
        Seed = 23,
        Timesteps = 16,
        BandFrequenciesHz = SurveySpec.HbaBands(2),
        Transients = new TransientCounts(Flares: 4, Fading: 4, NewSources: 4, Variables: 4),
    };

    public IReadOnlyList<SourceTruth> TruthSources { get; private set; } = null!;

    public List<RunningCatalogueRow> Catalogue { get; private set; } = null!;

    public List<CandidateRow> Candidates { get; private set; } = null!;

    public List<CatalogueFluxRow> Fluxes { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await RunAsync(Spec);
        TruthSources = TruthFiles.ReadSources(Path.Combine(Folder, TruthFiles.SourcesFile));
        Catalogue = await Read<RunningCatalogueRow>(DatasetTables.RunningCatalogue);
        Candidates = await Read<CandidateRow>(DatasetTables.Candidates);
        Fluxes = await Read<CatalogueFluxRow>(DatasetTables.RunningCatalogueFlux);
    }
}
