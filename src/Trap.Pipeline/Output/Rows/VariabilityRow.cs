using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>
/// Table "variability": one row per catalogue source with the metrics of its chosen band (TraP's
/// varmetric) plus the η significance and VAST's two-epoch |Vs| and |m| of the most significant pair.
/// </summary>
public sealed class VariabilityRow
{
    [JsonPropertyName("runcat_id")] public long RuncatId { get; set; }
    [JsonPropertyName("band_id")] public int BandId { get; set; }
    [JsonPropertyName("f_datapoints")] public int FDatapoints { get; set; }
    [JsonPropertyName("v_int")] public double VInt { get; set; }
    [JsonPropertyName("eta_int")] public double EtaInt { get; set; }
    [JsonPropertyName("v_peak")] public double VPeak { get; set; }
    [JsonPropertyName("eta_peak")] public double EtaPeak { get; set; }
    [JsonPropertyName("eta_int_significance")] public double EtaIntSignificance { get; set; }
    [JsonPropertyName("lightcurve_max_jy")] public double LightcurveMaxJy { get; set; }
    [JsonPropertyName("lightcurve_avg_jy")] public double LightcurveAvgJy { get; set; }
    [JsonPropertyName("lightcurve_median_jy")] public double LightcurveMedianJy { get; set; }
    [JsonPropertyName("vs_int_max")] public double VsIntMax { get; set; }
    [JsonPropertyName("m_int_max")] public double MIntMax { get; set; }
    [JsonPropertyName("vs_peak_max")] public double VsPeakMax { get; set; }
    [JsonPropertyName("m_peak_max")] public double MPeakMax { get; set; }
    [JsonPropertyName("newsource_type")] public int? NewsourceType { get; set; }
    [JsonPropertyName("sigma_rms_min")] public double? SigmaRmsMin { get; set; }
    [JsonPropertyName("sigma_rms_max")] public double? SigmaRmsMax { get; set; }
}
