using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>Table "running_catalogue": one row per source of the final catalogue (TraP's runningcatalog).</summary>
public sealed class RunningCatalogueRow
{
    [JsonPropertyName("runcat_id"), ColumnInfo("-", "Catalogue source id (the id of the measurement that created it)")] public long RuncatId { get; set; }
    [JsonPropertyName("first_source_id"), ColumnInfo("-", "The measurement that created the source")] public long FirstSourceId { get; set; }
    [JsonPropertyName("datapoints"), ColumnInfo("-", "Blind detections in the source's position average")] public int Datapoints { get; set; }
    [JsonPropertyName("wm_ra_deg"), ColumnInfo("deg", "Weighted mean right ascension (J2000)")] public double WmRaDeg { get; set; }
    [JsonPropertyName("wm_dec_deg"), ColumnInfo("deg", "Weighted mean declination (J2000)")] public double WmDecDeg { get; set; }
    [JsonPropertyName("wm_uncertainty_ew_deg"), ColumnInfo("deg", "East-west uncertainty of the weighted mean position")] public double WmUncertaintyEwDeg { get; set; }
    [JsonPropertyName("wm_uncertainty_ns_deg"), ColumnInfo("deg", "North-south uncertainty of the weighted mean position")] public double WmUncertaintyNsDeg { get; set; }
    [JsonPropertyName("avg_ra_err_deg"), ColumnInfo("deg", "Mean right ascension error of the detections")] public double AvgRaErrDeg { get; set; }
    [JsonPropertyName("avg_dec_err_deg"), ColumnInfo("deg", "Mean declination error of the detections")] public double AvgDecErrDeg { get; set; }
    [JsonPropertyName("zone"), ColumnInfo("deg", "Declination zone: floor(wm_dec_deg)")] public int Zone { get; set; }
    [JsonPropertyName("x"), ColumnInfo("-", "Unit vector of the position: cos(dec) cos(ra)")] public double X { get; set; }
    [JsonPropertyName("y"), ColumnInfo("-", "Unit vector of the position: cos(dec) sin(ra)")] public double Y { get; set; }
    [JsonPropertyName("z"), ColumnInfo("-", "Unit vector of the position: sin(dec)")] public double Z { get; set; }
    [JsonPropertyName("mon_src"), ColumnInfo("-", "Whether the source is a monitoring-list position")] public bool MonSrc { get; set; }
    [JsonPropertyName("forcedfits_count"), ColumnInfo("-", "Null-detection fits since the last blind detection (expiration count)")] public int ForcedfitsCount { get; set; }
}
