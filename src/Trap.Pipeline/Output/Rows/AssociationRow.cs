using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>
/// Table "associations": the light-curve links between catalogue sources and measurements (TraP's
/// assocxtrsource; type 2 fork base, 3 one-to-one, 4 new source, 6 copied history, 7 null detection,
/// 8 first monitor fit, 9 monitor fit), with V and η after that point and the fluxes for convenience.
/// </summary>
public sealed class AssociationRow
{
    [JsonPropertyName("runcat_id")] public long RuncatId { get; set; }
    [JsonPropertyName("source_id")] public long SourceId { get; set; }
    [JsonPropertyName("image_id")] public long ImageId { get; set; }
    [JsonPropertyName("band_id")] public int BandId { get; set; }
    [JsonPropertyName("time_utc")] public DateTime TimeUtc { get; set; }
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("distance_arcsec")] public double DistanceArcsec { get; set; }
    [JsonPropertyName("r")] public double R { get; set; }
    [JsonPropertyName("f_datapoints")] public int FDatapoints { get; set; }
    [JsonPropertyName("v_int")] public double VInt { get; set; }
    [JsonPropertyName("eta_int")] public double EtaInt { get; set; }
    [JsonPropertyName("v_peak")] public double VPeak { get; set; }
    [JsonPropertyName("eta_peak")] public double EtaPeak { get; set; }
    [JsonPropertyName("f_int_jy")] public double FIntJy { get; set; }
    [JsonPropertyName("f_int_err_jy")] public double FIntErrJy { get; set; }
    [JsonPropertyName("f_peak_jy")] public double FPeakJy { get; set; }
    [JsonPropertyName("f_peak_err_jy")] public double FPeakErrJy { get; set; }
}
