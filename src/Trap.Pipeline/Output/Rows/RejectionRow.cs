using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>Table "rejections": why an image was not used (TraP's rejection + rejectreason).</summary>
public sealed class RejectionRow
{
    [JsonPropertyName("image_id")] public long ImageId { get; set; }
    [JsonPropertyName("url")] public string Url { get; set; } = "";
    [JsonPropertyName("reason_id")] public int ReasonId { get; set; }
    [JsonPropertyName("reason")] public string Reason { get; set; } = "";
    [JsonPropertyName("comment")] public string Comment { get; set; } = "";
}
