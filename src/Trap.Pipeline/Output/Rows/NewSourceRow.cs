using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>Table "new_sources": sources that appeared where earlier images could have seen them (TraP's newsource).</summary>
public sealed class NewSourceRow
{
    [JsonPropertyName("runcat_id")] public long RuncatId { get; set; }
    [JsonPropertyName("trigger_source_id")] public long TriggerSourceId { get; set; }
    [JsonPropertyName("previous_limits_image_id")] public long PreviousLimitsImageId { get; set; }
    [JsonPropertyName("newsource_type")] public int NewsourceType { get; set; }
    [JsonPropertyName("trigger_f_peak_jy")] public double TriggerFPeakJy { get; set; }
    [JsonPropertyName("trigger_f_int_jy")] public double TriggerFIntJy { get; set; }
    [JsonPropertyName("sigma_rms_min")] public double SigmaRmsMin { get; set; }
    [JsonPropertyName("sigma_rms_max")] public double SigmaRmsMax { get; set; }
}
