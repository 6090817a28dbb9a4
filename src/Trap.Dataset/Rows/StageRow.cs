using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>
/// Table "stages": what each stage of the run took in and gave out, and how long it ran (as Rubin's
/// tasks record their metadata), so a slow or lossy stage is found from the output alone. It describes
/// the run, not the sky: `trap compare` leaves it out.
/// </summary>
public sealed class StageRow
{
    [JsonPropertyName("position"), ColumnInfo("-", "Order of the stage in the run, from 1")] public int Position { get; set; }
    [JsonPropertyName("stage"), ColumnInfo("-", "The stage (docs/architecture.md): plan, extraction, association, forced fits, catalogue, candidates")] public string Stage { get; set; } = "";
    [JsonPropertyName("rows_in"), ColumnInfo("-", "How many items the stage was given")] public long RowsIn { get; set; }
    [JsonPropertyName("rows_in_kind"), ColumnInfo("-", "What those items are (images, sky buckets, catalogue sources, ...)")] public string RowsInKind { get; set; } = "";
    [JsonPropertyName("rows_out"), ColumnInfo("-", "How many items the stage gave")] public long RowsOut { get; set; }
    [JsonPropertyName("rows_out_kind"), ColumnInfo("-", "What those items are (extracted sources, forced fits, candidates, ...)")] public string RowsOutKind { get; set; } = "";
    [JsonPropertyName("wall_s"), ColumnInfo("s", "Wall-clock time of the stage")] public double WallSeconds { get; set; }
    [JsonPropertyName("driver_cpu_s"), ColumnInfo("s", "CPU time of the driver process during the stage: on the local engine the stage's own, on a cluster the driver's share only")] public double DriverCpuSeconds { get; set; }
}
