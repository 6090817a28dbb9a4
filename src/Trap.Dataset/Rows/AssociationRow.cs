using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>
/// Table "associations": the light-curve links between catalogue sources and measurements (TraP's
/// assocxtrsource; type 2 fork base, 3 one-to-one, 4 new source, 6 copied history, 7 null detection,
/// 8 first monitor fit, 9 monitor fit), with V and η after that point and the fluxes for convenience.
/// </summary>
public sealed class AssociationRow
{
    [JsonPropertyName("runcat_id"), ColumnInfo("-", "Catalogue source")] public long RuncatId { get; set; }
    [JsonPropertyName("source_id"), ColumnInfo("-", "Measurement (extracted_sources)")] public long SourceId { get; set; }
    [JsonPropertyName("image_id"), ColumnInfo("-", "Image of the measurement")] public long ImageId { get; set; }
    [JsonPropertyName("band_id"), ColumnInfo("-", "Frequency band of the image")] public int BandId { get; set; }
    [JsonPropertyName("time_utc"), UtcTimestamp, ColumnInfo("UTC", "Start of the image's integration")] public DateTime TimeUtc { get; set; }
    [JsonPropertyName("type"), ColumnInfo("-", "TraP's association type: 2 fork base, 3 one-to-one, 4 new source, 6 copied history, 7 null detection, 8 first monitor fit, 9 monitor fit")] public int Type { get; set; }
    [JsonPropertyName("distance_arcsec"), ColumnInfo("arcsec", "Distance between the measurement and the catalogue position (0 for new sources and forced fits, as TraP)")] public double DistanceArcsec { get; set; }
    [JsonPropertyName("r"), ColumnInfo("-", "De Ruiter radius of the pair (0 for new sources and forced fits, as TraP)")] public double R { get; set; }
    [JsonPropertyName("f_datapoints"), ColumnInfo("-", "Flux points of the source in the band up to this one")] public int FDatapoints { get; set; }
    [JsonPropertyName("v_int"), ColumnInfo("-", "V of the integrated flux up to this point (0 for one point)")] public double VInt { get; set; }
    [JsonPropertyName("eta_int"), ColumnInfo("-", "η of the integrated flux up to this point (0 for one point)")] public double EtaInt { get; set; }
    [JsonPropertyName("v_peak"), ColumnInfo("-", "V of the peak flux up to this point")] public double VPeak { get; set; }
    [JsonPropertyName("eta_peak"), ColumnInfo("-", "η of the peak flux up to this point")] public double EtaPeak { get; set; }
    [JsonPropertyName("f_int_jy"), ColumnInfo("Jy", "Integrated flux density of the measurement")] public double FIntJy { get; set; }
    [JsonPropertyName("f_int_err_jy"), ColumnInfo("Jy", "Its error")] public double FIntErrJy { get; set; }
    [JsonPropertyName("f_peak_jy"), ColumnInfo("Jy/beam", "Peak flux density of the measurement")] public double FPeakJy { get; set; }
    [JsonPropertyName("f_peak_err_jy"), ColumnInfo("Jy/beam", "Its error")] public double FPeakErrJy { get; set; }
}
