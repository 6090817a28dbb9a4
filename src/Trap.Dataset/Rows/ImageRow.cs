using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>
/// Table "images": one row per input image, accepted or rejected (TraP's image table). A value an
/// image does not have — its header could not be read, it was a duplicate, it was rejected before
/// extraction — is NULL (docs/outputs.md).
/// </summary>
public sealed class ImageRow
{
    [JsonPropertyName("image_id"), ColumnInfo("-", "Image id")] public long ImageId { get; set; }
    [JsonPropertyName("url"), ColumnInfo("-", "Path of the image file")] public string Url { get; set; } = "";
    [JsonPropertyName("telescope"), ColumnInfo("-", "Telescope named by the header; NULL when it names none")] public string? Telescope { get; set; }
    [JsonPropertyName("accessor"), ColumnInfo("-", "The reader that parsed the image; NULL when the image could not be read")] public string? Accessor { get; set; }
    [JsonPropertyName("timestep"), ColumnInfo("-", "Index of the image's timestep (images of one start time); NULL for unreadable and duplicate images")] public int? Timestep { get; set; }
    [JsonPropertyName("band_id"), ColumnInfo("-", "Frequency band (frequency_bands); NULL for unreadable and duplicate images")] public int? BandId { get; set; }
    [JsonPropertyName("sky_region_id"), ColumnInfo("-", "Sky region (sky_regions); NULL for unreadable and duplicate images")] public long? SkyRegionId { get; set; }
    [JsonPropertyName("start_utc"), UtcTimestamp, ColumnInfo("UTC", "Start of the integration; NULL when the header gives none")] public DateTime? StartUtc { get; set; }
    [JsonPropertyName("integration_s"), ColumnInfo("s", "Integration time; NULL when the header gives none")] public double? IntegrationS { get; set; }
    [JsonPropertyName("freq_eff_hz"), ColumnInfo("Hz", "Effective (central) frequency; NULL when the header gives none")] public double? FreqEffHz { get; set; }
    [JsonPropertyName("freq_bw_hz"), ColumnInfo("Hz", "Bandwidth; NULL when the header gives none")] public double? FreqBwHz { get; set; }
    [JsonPropertyName("stokes"), ColumnInfo("-", "Stokes parameter of the plane read (I, Q, U, V); NULL when the image could not be read")] public string? Stokes { get; set; }
    [JsonPropertyName("centre_ra_deg"), ColumnInfo("deg", "Right ascension (J2000) of the image centre; NULL when the header could not be read")] public double? CentreRaDeg { get; set; }
    [JsonPropertyName("centre_dec_deg"), ColumnInfo("deg", "Declination (J2000) of the image centre; NULL when the header could not be read")] public double? CentreDecDeg { get; set; }
    [JsonPropertyName("xtr_radius_deg"), ColumnInfo("deg", "Radius of the extraction circle; NULL when the header could not be read")] public double? XtrRadiusDeg { get; set; }
    [JsonPropertyName("rb_smaj_deg"), ColumnInfo("deg", "Restoring beam semi-major axis (half the FWHM); NULL when the image could not be read")] public double? RbSmajDeg { get; set; }
    [JsonPropertyName("rb_smin_deg"), ColumnInfo("deg", "Restoring beam semi-minor axis (half the FWHM); NULL when the image could not be read")] public double? RbSminDeg { get; set; }
    [JsonPropertyName("rb_pa_deg"), ColumnInfo("deg", "Restoring beam position angle; NULL when the image could not be read")] public double? RbPaDeg { get; set; }
    [JsonPropertyName("deltax_deg"), ColumnInfo("deg", "Pixel size along the first axis; NULL when the image could not be read")] public double? DeltaxDeg { get; set; }
    [JsonPropertyName("deltay_deg"), ColumnInfo("deg", "Pixel size along the second axis; NULL when the image could not be read")] public double? DeltayDeg { get; set; }
    [JsonPropertyName("width_px"), ColumnInfo("px", "Image width; NULL when the image could not be read")] public int? WidthPx { get; set; }
    [JsonPropertyName("height_px"), ColumnInfo("px", "Image height; NULL when the image could not be read")] public int? HeightPx { get; set; }
    [JsonPropertyName("rms_qc_jy"), ColumnInfo("Jy/beam", "RMS noise of the image centre, as the quality check measures it; NULL when not measured")] public double? RmsQcJy { get; set; }
    [JsonPropertyName("theoretical_noise_jy"), ColumnInfo("Jy/beam", "Expected (theoretical) noise of the quality check; NULL when the telescope gives none")] public double? TheoreticalNoiseJy { get; set; }
    [JsonPropertyName("rms_min_jy"), ColumnInfo("Jy/beam", "Smallest value of the RMS map; NULL for rejected images")] public double? RmsMinJy { get; set; }
    [JsonPropertyName("rms_max_jy"), ColumnInfo("Jy/beam", "Largest value of the RMS map; NULL for rejected images")] public double? RmsMaxJy { get; set; }
    [JsonPropertyName("detection_thresh"), ColumnInfo("-", "Detection threshold in RMS ([source_extraction] detection_threshold)")] public double DetectionThresh { get; set; }
    [JsonPropertyName("analysis_thresh"), ColumnInfo("-", "Analysis threshold in RMS ([source_extraction] analysis_threshold)")] public double AnalysisThresh { get; set; }
    [JsonPropertyName("accepted"), ColumnInfo("-", "Whether the image passed quality control and was searched (false: see rejections)")] public bool Accepted { get; set; }
    [JsonPropertyName("n_sources"), ColumnInfo("-", "Blind detections in the image; NULL for rejected images")] public int? NSources { get; set; }
}
