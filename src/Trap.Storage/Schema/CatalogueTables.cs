using Trap.Dataset;

namespace Trap.Storage.Schema;

/// <summary>
/// The database table of each output table: TraP's name where TraP has the table (tkp/db/model.py),
/// so queries written for TraP's database read naturally. Migrations 0001 and 0002 have the same list.
/// </summary>
public static class CatalogueTables
{
    private static readonly IReadOnlyDictionary<string, string> ByOutputTable = new Dictionary<string, string>
    {
        [DatasetTables.Dataset] = "dataset",
        [DatasetTables.Config] = "config",
        [DatasetTables.Images] = "image",
        [DatasetTables.Rejections] = "rejection",
        [DatasetTables.FrequencyBands] = "frequencyband",
        [DatasetTables.SkyRegions] = "skyregion",
        [DatasetTables.ExtractedSources] = "extractedsource",
        [DatasetTables.RunningCatalogue] = "runningcatalog",
        [DatasetTables.RunningCatalogueFlux] = "runningcatalog_flux",
        [DatasetTables.Associations] = "assocxtrsource",
        [DatasetTables.NewSources] = "newsource",
        [DatasetTables.Variability] = "varmetric",
        [DatasetTables.Monitor] = "monitor",
        [DatasetTables.Candidates] = "candidate",
        [DatasetTables.Stages] = "stage",
    };

    /// <summary>The database table that holds the output table <paramref name="outputTable"/> (a <see cref="DatasetTables"/> name).</summary>
    public static string For(string outputTable) =>
        ByOutputTable.TryGetValue(outputTable, out var table)
            ? table
            : throw new InvalidOperationException(
                "Output table '" + outputTable + "' has no database table: add it to CatalogueTables and to a new schema migration.");
}
