using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>Table "images": one row per input image, accepted or rejected (TraP's image table).</summary>
public sealed class ImageRow
{
    [JsonPropertyName("image_id")] public long ImageId { get; set; }
    [JsonPropertyName("url")] public string Url { get; set; } = "";
    [JsonPropertyName("telescope")] public string Telescope { get; set; } = "";
    [JsonPropertyName("accessor")] public string Accessor { get; set; } = "";
    [JsonPropertyName("timestep")] public int Timestep { get; set; }
    [JsonPropertyName("band_id")] public int BandId { get; set; }
    [JsonPropertyName("sky_region_id")] public long SkyRegionId { get; set; }
    [JsonPropertyName("start_utc")] public DateTime StartUtc { get; set; }
    [JsonPropertyName("integration_s")] public double IntegrationS { get; set; }
    [JsonPropertyName("freq_eff_hz")] public double FreqEffHz { get; set; }
    [JsonPropertyName("freq_bw_hz")] public double FreqBwHz { get; set; }
    [JsonPropertyName("stokes")] public string Stokes { get; set; } = "I";
    [JsonPropertyName("centre_ra_deg")] public double CentreRaDeg { get; set; }
    [JsonPropertyName("centre_dec_deg")] public double CentreDecDeg { get; set; }
    [JsonPropertyName("xtr_radius_deg")] public double XtrRadiusDeg { get; set; }
    [JsonPropertyName("rb_smaj_deg")] public double RbSmajDeg { get; set; }
    [JsonPropertyName("rb_smin_deg")] public double RbSminDeg { get; set; }
    [JsonPropertyName("rb_pa_deg")] public double RbPaDeg { get; set; }
    [JsonPropertyName("deltax_deg")] public double DeltaxDeg { get; set; }
    [JsonPropertyName("deltay_deg")] public double DeltayDeg { get; set; }
    [JsonPropertyName("width_px")] public int WidthPx { get; set; }
    [JsonPropertyName("height_px")] public int HeightPx { get; set; }
    [JsonPropertyName("rms_qc_jy")] public double RmsQcJy { get; set; }
    [JsonPropertyName("theoretical_noise_jy")] public double TheoreticalNoiseJy { get; set; }
    [JsonPropertyName("rms_min_jy")] public double RmsMinJy { get; set; }
    [JsonPropertyName("rms_max_jy")] public double RmsMaxJy { get; set; }
    [JsonPropertyName("detection_thresh")] public double DetectionThresh { get; set; }
    [JsonPropertyName("analysis_thresh")] public double AnalysisThresh { get; set; }
    [JsonPropertyName("accepted")] public bool Accepted { get; set; }
    [JsonPropertyName("n_sources")] public int NSources { get; set; }
}
