using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>
/// Table "variability": one row per catalogue source with the metrics of one band, chosen as TraP
/// chooses varmetric's band: of each band's latest association, the one with the largest integrated
/// flux (docs/outputs.md). Every band's V and η are in running_catalogue_flux. Plus the η
/// significance and VAST's two-epoch |Vs| and |m| of the most significant pair.
/// </summary>
public sealed class VariabilityRow
{
    [JsonPropertyName("runcat_id"), ColumnInfo("-", "Catalogue source")] public long RuncatId { get; set; }
    [JsonPropertyName("band_id"), ColumnInfo("-", "The band of these metrics: of each band's latest association, the one with the largest integrated flux (TraP's varmetric)")] public int BandId { get; set; }
    [JsonPropertyName("f_datapoints"), ColumnInfo("-", "Flux points in that band when the chosen association was made")] public int FDatapoints { get; set; }
    [JsonPropertyName("v_int"), ColumnInfo("-", "V of the integrated flux in the band (0 for one point)")] public double VInt { get; set; }
    [JsonPropertyName("eta_int"), ColumnInfo("-", "η of the integrated flux in the band (0 for one point)")] public double EtaInt { get; set; }
    [JsonPropertyName("v_peak"), ColumnInfo("-", "V of the peak flux in the band")] public double VPeak { get; set; }
    [JsonPropertyName("eta_peak"), ColumnInfo("-", "η of the peak flux in the band")] public double EtaPeak { get; set; }
    [JsonPropertyName("eta_int_significance"), ColumnInfo("-", "Probability the source is not flat: 1 − Q_χ²(η_int (N−1); N−1)")] public double EtaIntSignificance { get; set; }
    [JsonPropertyName("lightcurve_max_jy"), ColumnInfo("Jy", "Largest integrated flux density of the source in the band")] public double LightcurveMaxJy { get; set; }
    [JsonPropertyName("lightcurve_avg_jy"), ColumnInfo("Jy", "Mean integrated flux density of the source in the band")] public double LightcurveAvgJy { get; set; }
    [JsonPropertyName("lightcurve_median_jy"), ColumnInfo("Jy", "Median integrated flux density of the source in the band, over its last [association] variability_window (4096) points there")] public double LightcurveMedianJy { get; set; }
    [JsonPropertyName("vs_int_max"), ColumnInfo("-", "|Vs| of the pair of integrated fluxes with the largest |m| among pairs with |Vs| ≥ [association] pair_metric_min_abs_vs (4.3) at most [association] variability_window (4096) points apart; NULL when no pair is that significant")] public double? VsIntMax { get; set; }
    [JsonPropertyName("m_int_max"), ColumnInfo("-", "|m| (modulation index) of that pair; NULL when no pair is that significant")] public double? MIntMax { get; set; }
    [JsonPropertyName("vs_peak_max"), ColumnInfo("-", "As vs_int_max, of the peak fluxes")] public double? VsPeakMax { get; set; }
    [JsonPropertyName("m_peak_max"), ColumnInfo("-", "As m_int_max, of the peak fluxes")] public double? MPeakMax { get; set; }
    [JsonPropertyName("newsource_type"), ColumnInfo("-", "The new_sources type when the source is new; NULL otherwise")] public int? NewsourceType { get; set; }
    [JsonPropertyName("sigma_rms_min"), ColumnInfo("-", "As new_sources.sigma_rms_min when the source is new; NULL otherwise")] public double? SigmaRmsMin { get; set; }
    [JsonPropertyName("sigma_rms_max"), ColumnInfo("-", "As new_sources.sigma_rms_max when the source is new; NULL otherwise")] public double? SigmaRmsMax { get; set; }
}
