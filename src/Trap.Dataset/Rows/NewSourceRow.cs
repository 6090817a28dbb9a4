using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>Table "new_sources": sources that appeared where earlier images could have seen them (TraP's newsource).</summary>
public sealed class NewSourceRow
{
    [JsonPropertyName("runcat_id"), ColumnInfo("-", "Catalogue source")] public long RuncatId { get; set; }
    [JsonPropertyName("trigger_source_id"), ColumnInfo("-", "The blind detection that created the source")] public long TriggerSourceId { get; set; }
    [JsonPropertyName("previous_limits_image_id"), ColumnInfo("-", "The earlier image of the band that sets the detection limits")] public long PreviousLimitsImageId { get; set; }
    [JsonPropertyName("newsource_type"), ColumnInfo("-", "0 possible transient (above the best limit), 1 likely transient (above the worst)")] public int NewsourceType { get; set; }
    [JsonPropertyName("trigger_f_peak_jy"), ColumnInfo("Jy/beam", "Peak flux density of the trigger")] public double TriggerFPeakJy { get; set; }
    [JsonPropertyName("trigger_f_int_jy"), ColumnInfo("Jy", "Integrated flux density of the trigger")] public double TriggerFIntJy { get; set; }
    [JsonPropertyName("sigma_rms_min"), ColumnInfo("-", "trigger_f_int_jy over the previous-limits image's rms_min_jy")] public double SigmaRmsMin { get; set; }
    [JsonPropertyName("sigma_rms_max"), ColumnInfo("-", "trigger_f_int_jy over the previous-limits image's rms_max_jy")] public double SigmaRmsMax { get; set; }
}
