using Trap.Engine;
using Trap.Pipeline.Output;
using Trap.Pipeline.Output.Rows;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A survey made for measuring candidate classification: more timesteps and four of each transient
/// kind per pointing (the default spec has one or two), two bands to keep it quick; run end to end once.
/// </summary>
public sealed class CandidateSurveyRun : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("trap-candidates-").FullName;

    public string OutputFolder => Path.Combine(Folder, "output");

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

    public async Task InitializeAsync()
    {
        SurveyWriter.Write(new Survey(Spec), Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        await using var engine = new LocalEngine();
        await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(Folder);
        TruthSources = TruthFiles.ReadSources(Path.Combine(Folder, TruthFiles.SourcesFile));
        Catalogue = await Read<RunningCatalogueRow>(DatasetTables.RunningCatalogue);
        Candidates = await Read<CandidateRow>(DatasetTables.Candidates);
        Fluxes = await Read<CatalogueFluxRow>(DatasetTables.RunningCatalogueFlux);
    }

    private async Task<List<T>> Read<T>(string table) where T : class, new()
    {
        var rows = new List<T>();
        await foreach (var row in ParquetTableReader.ReadAsync<T>(Path.Combine(OutputFolder, table, "part-00000.parquet"))) rows.Add(row);
        return rows;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
