using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>
/// Table "extracted_sources": every measurement — blind detections (extract_type 0), null-detection
/// forced fits (1) and monitoring-list forced fits (2) — with TraP's extractedsource columns.
/// </summary>
public sealed class ExtractedSourceRow
{
    [JsonPropertyName("source_id"), ColumnInfo("-", "Measurement id (docs/architecture.md, Measurement ids)")] public long SourceId { get; set; }
    [JsonPropertyName("image_id"), ColumnInfo("-", "The image measured")] public long ImageId { get; set; }
    [JsonPropertyName("extract_type"), ColumnInfo("-", "0 blind detection, 1 null-detection forced fit, 2 monitoring-list forced fit")] public int ExtractType { get; set; }
    [JsonPropertyName("fit_type"), ColumnInfo("-", "1 Gaussian least-squares fit, 0 moments only")] public int FitType { get; set; }
    [JsonPropertyName("ff_runcat_id"), ColumnInfo("-", "Catalogue source a null-detection fit was made for; NULL for other measurements")] public long? FfRuncatId { get; set; }
    [JsonPropertyName("ff_monitor_id"), ColumnInfo("-", "Monitor position a monitoring fit was made for; NULL for other measurements")] public long? FfMonitorId { get; set; }
    [JsonPropertyName("ra_deg"), ColumnInfo("deg", "Right ascension (J2000)")] public double RaDeg { get; set; }
    [JsonPropertyName("dec_deg"), ColumnInfo("deg", "Declination (J2000)")] public double DecDeg { get; set; }
    [JsonPropertyName("ra_fit_err_deg"), ColumnInfo("deg", "Fit error of the right ascension")] public double RaFitErrDeg { get; set; }
    [JsonPropertyName("dec_fit_err_deg"), ColumnInfo("deg", "Fit error of the declination")] public double DecFitErrDeg { get; set; }
    [JsonPropertyName("ra_err_deg"), ColumnInfo("deg", "Right ascension error with the systematic error added (TraP's ra_err)")] public double RaErrDeg { get; set; }
    [JsonPropertyName("dec_err_deg"), ColumnInfo("deg", "Declination error with the systematic error added (TraP's decl_err)")] public double DecErrDeg { get; set; }
    [JsonPropertyName("uncertainty_ew_deg"), ColumnInfo("deg", "East-west position uncertainty used by association (TraP's uncertainty_ew)")] public double UncertaintyEwDeg { get; set; }
    [JsonPropertyName("uncertainty_ns_deg"), ColumnInfo("deg", "North-south position uncertainty used by association (TraP's uncertainty_ns)")] public double UncertaintyNsDeg { get; set; }
    [JsonPropertyName("error_radius_arcsec"), ColumnInfo("arcsec", "Error radius of the position (TraP's error_radius)")] public double ErrorRadiusArcsec { get; set; }
    [JsonPropertyName("ew_sys_err_arcsec"), ColumnInfo("arcsec", "East-west systematic error added")] public double EwSysErrArcsec { get; set; }
    [JsonPropertyName("ns_sys_err_arcsec"), ColumnInfo("arcsec", "North-south systematic error added")] public double NsSysErrArcsec { get; set; }
    [JsonPropertyName("x_pix"), ColumnInfo("px", "Pixel x of the fitted position (0-based)")] public double XPix { get; set; }
    [JsonPropertyName("y_pix"), ColumnInfo("px", "Pixel y of the fitted position (0-based)")] public double YPix { get; set; }
    [JsonPropertyName("zone"), ColumnInfo("deg", "Declination zone: floor(dec_deg)")] public int Zone { get; set; }
    [JsonPropertyName("det_sigma"), ColumnInfo("-", "Significance of the detection in RMS")] public double DetSigma { get; set; }
    [JsonPropertyName("semimajor_arcsec"), ColumnInfo("arcsec", "Semi-major axis of the fitted Gaussian")] public double SemimajorArcsec { get; set; }
    [JsonPropertyName("semiminor_arcsec"), ColumnInfo("arcsec", "Semi-minor axis of the fitted Gaussian")] public double SemiminorArcsec { get; set; }
    [JsonPropertyName("pa_deg"), ColumnInfo("deg", "Position angle of the fitted Gaussian")] public double PaDeg { get; set; }
    [JsonPropertyName("f_peak_jy"), ColumnInfo("Jy/beam", "Peak flux density")] public double FPeakJy { get; set; }
    [JsonPropertyName("f_peak_err_jy"), ColumnInfo("Jy/beam", "Error of the peak flux density")] public double FPeakErrJy { get; set; }
    [JsonPropertyName("f_int_jy"), ColumnInfo("Jy", "Integrated flux density")] public double FIntJy { get; set; }
    [JsonPropertyName("f_int_err_jy"), ColumnInfo("Jy", "Error of the integrated flux density")] public double FIntErrJy { get; set; }
    [JsonPropertyName("chisq"), ColumnInfo("-", "χ² of the fit over the fitted pixels")] public double Chisq { get; set; }
    [JsonPropertyName("reduced_chisq"), ColumnInfo("-", "chisq over the number of independent beams in the fitted pixels (TraP's reduced_chisq)")] public double ReducedChisq { get; set; }
}
