using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>Table "running_catalogue_flux": per source and frequency band flux statistics (TraP's runningcatalog_flux).</summary>
public sealed class CatalogueFluxRow
{
    [JsonPropertyName("runcat_id")] public long RuncatId { get; set; }
    [JsonPropertyName("band_id")] public int BandId { get; set; }
    [JsonPropertyName("f_datapoints")] public int FDatapoints { get; set; }
    [JsonPropertyName("avg_f_peak_jy")] public double AvgFPeakJy { get; set; }
    [JsonPropertyName("avg_f_int_jy")] public double AvgFIntJy { get; set; }
    [JsonPropertyName("wavg_f_int_jy")] public double WavgFIntJy { get; set; }
    [JsonPropertyName("v_int")] public double VInt { get; set; }
    [JsonPropertyName("eta_int")] public double EtaInt { get; set; }
    [JsonPropertyName("v_peak")] public double VPeak { get; set; }
    [JsonPropertyName("eta_peak")] public double EtaPeak { get; set; }
}
