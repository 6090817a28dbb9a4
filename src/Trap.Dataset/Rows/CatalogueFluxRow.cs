using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>Table "running_catalogue_flux": per source and frequency band flux statistics (TraP's runningcatalog_flux).</summary>
public sealed class CatalogueFluxRow
{
    [JsonPropertyName("runcat_id"), ColumnInfo("-", "Catalogue source")] public long RuncatId { get; set; }
    [JsonPropertyName("band_id"), ColumnInfo("-", "Frequency band")] public int BandId { get; set; }
    [JsonPropertyName("f_datapoints"), ColumnInfo("-", "Flux measurements of the source in the band")] public int FDatapoints { get; set; }
    [JsonPropertyName("avg_f_peak_jy"), ColumnInfo("Jy/beam", "Mean peak flux density")] public double AvgFPeakJy { get; set; }
    [JsonPropertyName("avg_f_int_jy"), ColumnInfo("Jy", "Mean integrated flux density")] public double AvgFIntJy { get; set; }
    [JsonPropertyName("wavg_f_int_jy"), ColumnInfo("Jy", "Weighted (1/σ²) mean integrated flux density")] public double WavgFIntJy { get; set; }
    [JsonPropertyName("v_int"), ColumnInfo("-", "Variability index V (coefficient of variation) of the integrated flux; 0 for one point")] public double VInt { get; set; }
    [JsonPropertyName("eta_int"), ColumnInfo("-", "Reduced weighted χ² η of the integrated flux about its weighted mean; 0 for one point")] public double EtaInt { get; set; }
    [JsonPropertyName("v_peak"), ColumnInfo("-", "V of the peak flux")] public double VPeak { get; set; }
    [JsonPropertyName("eta_peak"), ColumnInfo("-", "η of the peak flux")] public double EtaPeak { get; set; }
}
