using Trap.Dataset.Rows;

namespace Trap.Dataset;

/// <summary>
/// Every table of a run's output, by folder name and row type. The Parquet dataset, the catalogue
/// database and the README's schema description all follow this list.
/// </summary>
public static class DatasetTables
{
    public const string Dataset = "dataset";
    public const string Config = "config";
    public const string Images = "images";
    public const string Rejections = "rejections";
    public const string FrequencyBands = "frequency_bands";
    public const string SkyRegions = "sky_regions";
    public const string ExtractedSources = "extracted_sources";
    public const string RunningCatalogue = "running_catalogue";
    public const string RunningCatalogueFlux = "running_catalogue_flux";
    public const string Associations = "associations";
    public const string NewSources = "new_sources";
    public const string Variability = "variability";
    public const string Monitor = "monitor";
    public const string Candidates = "candidates";
    public const string Stages = "stages";

    /// <summary>Not a table: the folder of VOEvent packets, one XML file per candidate.</summary>
    public const string VoEventsFolder = "voevents";

    public static readonly IReadOnlyList<(string Name, Type RowType)> All = new (string, Type)[]
    {
        (Dataset, typeof(DatasetRow)),
        (Config, typeof(ConfigRow)),
        (Images, typeof(ImageRow)),
        (Rejections, typeof(RejectionRow)),
        (FrequencyBands, typeof(FrequencyBandRow)),
        (SkyRegions, typeof(SkyRegionRow)),
        (ExtractedSources, typeof(ExtractedSourceRow)),
        (RunningCatalogue, typeof(RunningCatalogueRow)),
        (RunningCatalogueFlux, typeof(CatalogueFluxRow)),
        (Associations, typeof(AssociationRow)),
        (NewSources, typeof(NewSourceRow)),
        (Variability, typeof(VariabilityRow)),
        (Monitor, typeof(MonitorRow)),
        (Candidates, typeof(CandidateRow)),
        (Stages, typeof(StageRow)),
    };

    /// <summary>Tables that describe the run rather than the sky: left out when two datasets are compared.</summary>
    public static readonly IReadOnlySet<string> RunDescriptions = new HashSet<string>(StringComparer.Ordinal) { Stages };
}
