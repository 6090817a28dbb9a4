using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>Table "running_catalogue": one row per source of the final catalogue (TraP's runningcatalog).</summary>
public sealed class RunningCatalogueRow
{
    [JsonPropertyName("runcat_id")] public long RuncatId { get; set; }
    [JsonPropertyName("first_source_id")] public long FirstSourceId { get; set; }
    [JsonPropertyName("datapoints")] public int Datapoints { get; set; }
    [JsonPropertyName("wm_ra_deg")] public double WmRaDeg { get; set; }
    [JsonPropertyName("wm_dec_deg")] public double WmDecDeg { get; set; }
    [JsonPropertyName("wm_uncertainty_ew_deg")] public double WmUncertaintyEwDeg { get; set; }
    [JsonPropertyName("wm_uncertainty_ns_deg")] public double WmUncertaintyNsDeg { get; set; }
    [JsonPropertyName("avg_ra_err_deg")] public double AvgRaErrDeg { get; set; }
    [JsonPropertyName("avg_dec_err_deg")] public double AvgDecErrDeg { get; set; }
    [JsonPropertyName("zone")] public int Zone { get; set; }
    [JsonPropertyName("x")] public double X { get; set; }
    [JsonPropertyName("y")] public double Y { get; set; }
    [JsonPropertyName("z")] public double Z { get; set; }
    [JsonPropertyName("mon_src")] public bool MonSrc { get; set; }
    [JsonPropertyName("forcedfits_count")] public int ForcedfitsCount { get; set; }
}
