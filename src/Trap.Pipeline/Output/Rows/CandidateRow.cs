using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>
/// Table "candidates": one row per transient or variable candidate (a catalogue source in its chosen
/// band) with why it was selected, the features its class was decided on, the class and its score,
/// and the IVORN of its VOEvent.
/// </summary>
public sealed class CandidateRow
{
    [JsonPropertyName("runcat_id")] public long RuncatId { get; set; }
    [JsonPropertyName("band_id")] public int BandId { get; set; }
    [JsonPropertyName("ra_deg")] public double RaDeg { get; set; }
    [JsonPropertyName("dec_deg")] public double DecDeg { get; set; }
    [JsonPropertyName("error_radius_deg")] public double ErrorRadiusDeg { get; set; }
    [JsonPropertyName("class")] public string Class { get; set; } = "";
    [JsonPropertyName("score")] public double Score { get; set; }
    [JsonPropertyName("class_rule")] public string ClassRule { get; set; } = "";
    [JsonPropertyName("selected_by")] public string SelectedBy { get; set; } = "";
    [JsonPropertyName("trigger_utc")] public DateTime TriggerUtc { get; set; }
    [JsonPropertyName("f_datapoints")] public int FDatapoints { get; set; }
    [JsonPropertyName("v_int")] public double VInt { get; set; }
    [JsonPropertyName("eta_int")] public double EtaInt { get; set; }
    [JsonPropertyName("eta_int_significance")] public double EtaIntSignificance { get; set; }
    [JsonPropertyName("eta_sigmas")] public double EtaSigmas { get; set; }
    [JsonPropertyName("v_sigmas")] public double VSigmas { get; set; }
    [JsonPropertyName("newsource_type")] public int? NewsourceType { get; set; }
    [JsonPropertyName("sigma_rms_min")] public double? SigmaRmsMin { get; set; }
    [JsonPropertyName("sigma_rms_max")] public double? SigmaRmsMax { get; set; }
    [JsonPropertyName("n_points")] public int NPoints { get; set; }
    [JsonPropertyName("forced_fraction")] public double ForcedFraction { get; set; }
    [JsonPropertyName("first_detection_utc")] public DateTime FirstDetectionUtc { get; set; }
    [JsonPropertyName("peak_utc")] public DateTime PeakUtc { get; set; }
    [JsonPropertyName("peak_f_int_jy")] public double PeakFIntJy { get; set; }
    [JsonPropertyName("peak_f_int_err_jy")] public double PeakFIntErrJy { get; set; }
    [JsonPropertyName("first_to_peak")] public double FirstToPeak { get; set; }
    [JsonPropertyName("last_to_peak")] public double LastToPeak { get; set; }
    [JsonPropertyName("time_trend")] public double TimeTrend { get; set; }
    [JsonPropertyName("edge_distance_beams")] public double EdgeDistanceBeams { get; set; }
    [JsonPropertyName("centre_distance_fraction")] public double CentreDistanceFraction { get; set; }
    [JsonPropertyName("bright_neighbour_runcat_id")] public long? BrightNeighbourRuncatId { get; set; }
    [JsonPropertyName("bright_neighbour_distance_beams")] public double BrightNeighbourDistanceBeams { get; set; }
    [JsonPropertyName("bright_neighbour_flux_ratio")] public double BrightNeighbourFluxRatio { get; set; }
    [JsonPropertyName("median_reduced_chisq")] public double MedianReducedChisq { get; set; }
    [JsonPropertyName("ivorn")] public string Ivorn { get; set; } = "";
}
