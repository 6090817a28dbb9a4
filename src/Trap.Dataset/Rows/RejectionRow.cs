using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>Table "rejections": why an image was not used (TraP's rejection + rejectreason).</summary>
public sealed class RejectionRow
{
    [JsonPropertyName("image_id"), ColumnInfo("-", "The rejected image")] public long ImageId { get; set; }
    [JsonPropertyName("url"), ColumnInfo("-", "Path of the image file")] public string Url { get; set; } = "";
    [JsonPropertyName("reason_id"), ColumnInfo("-", "Reason id (TraP's 0-5 and Trap's own, docs/rejections.md)")] public int ReasonId { get; set; }
    [JsonPropertyName("reason"), ColumnInfo("-", "Short name of the reason")] public string Reason { get; set; } = "";
    [JsonPropertyName("comment"), ColumnInfo("-", "What was found and what to do")] public string Comment { get; set; } = "";
}
