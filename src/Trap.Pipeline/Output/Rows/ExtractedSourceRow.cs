using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>
/// Table "extracted_sources": every measurement — blind detections (extract_type 0), null-detection
/// forced fits (1) and monitoring-list forced fits (2) — with TraP's extractedsource columns.
/// </summary>
public sealed class ExtractedSourceRow
{
    [JsonPropertyName("source_id")] public long SourceId { get; set; }
    [JsonPropertyName("image_id")] public long ImageId { get; set; }
    [JsonPropertyName("extract_type")] public int ExtractType { get; set; }
    [JsonPropertyName("fit_type")] public int FitType { get; set; }
    [JsonPropertyName("ff_runcat_id")] public long? FfRuncatId { get; set; }
    [JsonPropertyName("ff_monitor_id")] public long? FfMonitorId { get; set; }
    [JsonPropertyName("ra_deg")] public double RaDeg { get; set; }
    [JsonPropertyName("dec_deg")] public double DecDeg { get; set; }
    [JsonPropertyName("ra_fit_err_deg")] public double RaFitErrDeg { get; set; }
    [JsonPropertyName("dec_fit_err_deg")] public double DecFitErrDeg { get; set; }
    [JsonPropertyName("ra_err_deg")] public double RaErrDeg { get; set; }
    [JsonPropertyName("dec_err_deg")] public double DecErrDeg { get; set; }
    [JsonPropertyName("uncertainty_ew_deg")] public double UncertaintyEwDeg { get; set; }
    [JsonPropertyName("uncertainty_ns_deg")] public double UncertaintyNsDeg { get; set; }
    [JsonPropertyName("error_radius_arcsec")] public double ErrorRadiusArcsec { get; set; }
    [JsonPropertyName("ew_sys_err_arcsec")] public double EwSysErrArcsec { get; set; }
    [JsonPropertyName("ns_sys_err_arcsec")] public double NsSysErrArcsec { get; set; }
    [JsonPropertyName("x_pix")] public double XPix { get; set; }
    [JsonPropertyName("y_pix")] public double YPix { get; set; }
    [JsonPropertyName("zone")] public int Zone { get; set; }
    [JsonPropertyName("det_sigma")] public double DetSigma { get; set; }
    [JsonPropertyName("semimajor_arcsec")] public double SemimajorArcsec { get; set; }
    [JsonPropertyName("semiminor_arcsec")] public double SemiminorArcsec { get; set; }
    [JsonPropertyName("pa_deg")] public double PaDeg { get; set; }
    [JsonPropertyName("f_peak_jy")] public double FPeakJy { get; set; }
    [JsonPropertyName("f_peak_err_jy")] public double FPeakErrJy { get; set; }
    [JsonPropertyName("f_int_jy")] public double FIntJy { get; set; }
    [JsonPropertyName("f_int_err_jy")] public double FIntErrJy { get; set; }
    [JsonPropertyName("chisq")] public double Chisq { get; set; }
    [JsonPropertyName("reduced_chisq")] public double ReducedChisq { get; set; }
}
