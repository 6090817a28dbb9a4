using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>
/// Table "candidates": one row per transient or variable candidate (a catalogue source in its chosen
/// band) with why it was selected, the features its class was decided on, the class and its score,
/// and the IVORN of its VOEvent. A feature the light curve cannot give is NULL (docs/outputs.md).
/// </summary>
public sealed class CandidateRow
{
    [JsonPropertyName("runcat_id"), ColumnInfo("-", "Catalogue source")] public long RuncatId { get; set; }
    [JsonPropertyName("band_id"), ColumnInfo("-", "The band the candidate was selected in")] public int BandId { get; set; }
    [JsonPropertyName("ra_deg"), ColumnInfo("deg", "Right ascension (J2000): the catalogue source's weighted mean, or where its positions shift to when selected for a position shift (docs/science.md §8.4)")] public double RaDeg { get; set; }
    [JsonPropertyName("dec_deg"), ColumnInfo("deg", "Declination (J2000): as ra_deg")] public double DecDeg { get; set; }
    [JsonPropertyName("error_radius_deg"), ColumnInfo("deg", "Position error: the larger of the east-west and north-south uncertainties")] public double ErrorRadiusDeg { get; set; }
    [JsonPropertyName("class"), ColumnInfo("-", "new_source, flare, fading, variable or artefact (docs/science.md)")] public string Class { get; set; } = "";
    [JsonPropertyName("score"), ColumnInfo("-", "How surely the flux changed: σ/(σ + light_curve_half_score_sigma) of the light curve's change significance σ, or the class rule's confidence with candidate_score = class_rule (docs/science.md)")] public double Score { get; set; }
    [JsonPropertyName("class_rule"), ColumnInfo("-", "The classifier rule that decided the class")] public string ClassRule { get; set; } = "";
    [JsonPropertyName("selected_by"), ColumnInfo("-", "Why it was selected: new_source, cuts, outlier, position_shift (comma-separated)")] public string SelectedBy { get; set; } = "";
    [JsonPropertyName("trigger_utc"), UtcTimestamp, ColumnInfo("UTC", "When it happened: the first detection of a source that appeared, else the time of its peak")] public DateTime TriggerUtc { get; set; }
    [JsonPropertyName("f_datapoints"), ColumnInfo("-", "Flux points in the band")] public int FDatapoints { get; set; }
    [JsonPropertyName("v_int"), ColumnInfo("-", "V of the integrated flux in the band")] public double VInt { get; set; }
    [JsonPropertyName("eta_int"), ColumnInfo("-", "η of the integrated flux in the band")] public double EtaInt { get; set; }
    [JsonPropertyName("eta_int_significance"), ColumnInfo("-", "Probability the source is not flat: 1 − Q_χ²(η_int (N−1); N−1)")] public double EtaIntSignificance { get; set; }
    [JsonPropertyName("eta_sigmas"), ColumnInfo("-", "log10 η_int in robust sigmas above the band's median; NULL when the band had no fit, η_int or v_int is 0, or the band's spread is 0")] public double? EtaSigmas { get; set; }
    [JsonPropertyName("v_sigmas"), ColumnInfo("-", "log10 v_int in robust sigmas above the band's median; NULL as eta_sigmas")] public double? VSigmas { get; set; }
    [JsonPropertyName("newsource_type"), ColumnInfo("-", "The new_sources type when the source is new in this band; NULL otherwise")] public int? NewsourceType { get; set; }
    [JsonPropertyName("sigma_rms_min"), ColumnInfo("-", "As new_sources.sigma_rms_min when the source is new in this band; NULL otherwise")] public double? SigmaRmsMin { get; set; }
    [JsonPropertyName("sigma_rms_max"), ColumnInfo("-", "As new_sources.sigma_rms_max when the source is new in this band; NULL otherwise")] public double? SigmaRmsMax { get; set; }
    [JsonPropertyName("n_points"), ColumnInfo("-", "Light-curve points in the band")] public int NPoints { get; set; }
    [JsonPropertyName("forced_fraction"), ColumnInfo("-", "Fraction of those that are forced fits")] public double ForcedFraction { get; set; }
    [JsonPropertyName("first_detection_utc"), UtcTimestamp, ColumnInfo("UTC", "Time of the first blind detection (of the first point when all are forced fits)")] public DateTime FirstDetectionUtc { get; set; }
    [JsonPropertyName("peak_utc"), UtcTimestamp, ColumnInfo("UTC", "Time of the brightest point")] public DateTime PeakUtc { get; set; }
    [JsonPropertyName("peak_f_int_jy"), ColumnInfo("Jy", "The brightest integrated flux density")] public double PeakFIntJy { get; set; }
    [JsonPropertyName("peak_f_int_err_jy"), ColumnInfo("Jy", "Its error")] public double PeakFIntErrJy { get; set; }
    [JsonPropertyName("first_to_peak"), ColumnInfo("-", "First flux over the peak flux; NULL when the peak flux is not positive")] public double? FirstToPeak { get; set; }
    [JsonPropertyName("last_to_peak"), ColumnInfo("-", "Last flux over the peak flux; NULL when the peak flux is not positive")] public double? LastToPeak { get; set; }
    [JsonPropertyName("time_trend"), ColumnInfo("-", "Spearman rank correlation of flux with time (−1 steady fall, +1 steady rise); NULL for fewer than 3 points")] public double? TimeTrend { get; set; }
    [JsonPropertyName("edge_distance_beams"), ColumnInfo("beam", "Smallest distance of a detection to the image border or extraction circle, in beam FWHM; NULL when no image gives it")] public double? EdgeDistanceBeams { get; set; }
    [JsonPropertyName("centre_distance_fraction"), ColumnInfo("-", "Largest distance of a detection from the image centre over the extraction radius; NULL when no image gives it")] public double? CentreDistanceFraction { get; set; }
    [JsonPropertyName("bright_neighbour_runcat_id"), ColumnInfo("-", "The nearest catalogue source at least [transient_search] bright_source_ratio times brighter; NULL when none")] public long? BrightNeighbourRuncatId { get; set; }
    [JsonPropertyName("bright_neighbour_distance_beams"), ColumnInfo("beam", "Its distance in beam FWHM; NULL when there is none")] public double? BrightNeighbourDistanceBeams { get; set; }
    [JsonPropertyName("bright_neighbour_flux_ratio"), ColumnInfo("-", "Its flux over the candidate's peak flux; NULL when there is none")] public double? BrightNeighbourFluxRatio { get; set; }
    [JsonPropertyName("median_reduced_chisq"), ColumnInfo("-", "Median reduced_chisq of the detections' fits; NULL when none has one")] public double? MedianReducedChisq { get; set; }
    [JsonPropertyName("ivorn"), ColumnInfo("-", "IVORN of the candidate's VOEvent (voevents/)")] public string Ivorn { get; set; } = "";
}
