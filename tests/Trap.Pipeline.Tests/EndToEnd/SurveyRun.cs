using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;
using Trap.Simulation;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A generated survey (with injected transients, variables and bad images) run end to end once per
/// test class, with its ground truth and every output table loaded.
/// </summary>
public sealed class SurveyRun : GeneratedSurveyRun
{
    public SurveyRun() : base("trap-e2e-")
    {
    }

    public static SurveySpec Spec => new() { Seed = 11, Timesteps = 12 };

    public IReadOnlyList<ImageTruth> TruthImages { get; private set; } = null!;

    public IReadOnlyList<SourceTruth> TruthSources { get; private set; } = null!;

    public List<ImageRow> Images { get; private set; } = null!;

    public List<RejectionRow> Rejections { get; private set; } = null!;

    public List<ExtractedSourceRow> Sources { get; private set; } = null!;

    public List<RunningCatalogueRow> Catalogue { get; private set; } = null!;

    public List<AssociationRow> Associations { get; private set; } = null!;

    public List<NewSourceRow> NewSources { get; private set; } = null!;

    public List<VariabilityRow> Variability { get; private set; } = null!;

    public List<MonitorRow> Monitors { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        // Two monitored positions: one in pointing 0's field (across RA 0), one on sky no image covers.
        await File.WriteAllTextAsync(Path.Combine(Folder, "monitor.csv"), "ra_deg,dec_deg,name\n359.95,30.05,inside\n10,-40,nowhere\n");
        await RunAsync(Spec, "monitor_list = monitor.csv\n");
        TruthImages = TruthFiles.ReadImages(Path.Combine(Folder, TruthFiles.ImagesFile));
        TruthSources = TruthFiles.ReadSources(Path.Combine(Folder, TruthFiles.SourcesFile));
        Images = await Read<ImageRow>(DatasetTables.Images);
        Rejections = await Read<RejectionRow>(DatasetTables.Rejections);
        Sources = await Read<ExtractedSourceRow>(DatasetTables.ExtractedSources);
        Catalogue = await Read<RunningCatalogueRow>(DatasetTables.RunningCatalogue);
        Associations = await Read<AssociationRow>(DatasetTables.Associations);
        NewSources = await Read<NewSourceRow>(DatasetTables.NewSources);
        Variability = await Read<VariabilityRow>(DatasetTables.Variability);
        Monitors = await Read<MonitorRow>(DatasetTables.Monitor);
    }
}

/// <summary>Shares one survey run between the end-to-end test classes.</summary>
[CollectionDefinition(Name)]
public sealed class SurveyRunCollection : ICollectionFixture<SurveyRun>
{
    public const string Name = "survey run";
}
