using System.Text.Json.Serialization;

namespace Trap.Dataset.Rows;

/// <summary>Table "dataset": the run itself (one row).</summary>
public sealed class DatasetRow
{
    [JsonPropertyName("name"), ColumnInfo("-", "Name of the dataset: the job's name")] public string Name { get; set; } = "";
    [JsonPropertyName("job_file"), ColumnInfo("-", "The job.cfg the run was made from (absolute path): the database tells jobs of one name apart by it; NULL only in the database, for datasets loaded before schema version 4")] public string? JobFile { get; set; }
    [JsonPropertyName("description"), ColumnInfo("-", "The job's description ([job] description)")] public string Description { get; set; } = "";
    [JsonPropertyName("process_start_utc"), UtcTimestamp, ColumnInfo("UTC", "When the run started")] public DateTime ProcessStartUtc { get; set; }
    [JsonPropertyName("process_end_utc"), UtcTimestamp, ColumnInfo("UTC", "When the run had written its tables")] public DateTime ProcessEndUtc { get; set; }
    [JsonPropertyName("n_images"), ColumnInfo("-", "Images the run was given, accepted and rejected")] public int NImages { get; set; }
    [JsonPropertyName("n_rejected"), ColumnInfo("-", "Images rejected (table rejections)")] public int NRejected { get; set; }
    [JsonPropertyName("engine"), ColumnInfo("-", "The engine that ran the job and its cores or workers")] public string Engine { get; set; } = "";
}

/// <summary>Table "config": the effective job configuration, one row per key (TraP's config).</summary>
public sealed class ConfigRow
{
    [JsonPropertyName("section"), ColumnInfo("-", "Section of job.cfg")] public string Section { get; set; } = "";
    [JsonPropertyName("key"), ColumnInfo("-", "Key in that section")] public string Key { get; set; } = "";
    [JsonPropertyName("value"), ColumnInfo("-", "The value the run used, as text (empty when the setting is empty or not set)")] public string Value { get; set; } = "";
    [JsonPropertyName("type"), ColumnInfo("-", "The setting's type, as .NET names it in lower case (int32, double, boolean, string, ...)")] public string Type { get; set; } = "";
}

/// <summary>Table "frequency_bands" (TraP's frequencyband).</summary>
public sealed class FrequencyBandRow
{
    [JsonPropertyName("band_id"), ColumnInfo("-", "Band id (images.band_id)")] public int BandId { get; set; }
    [JsonPropertyName("freq_central_hz"), ColumnInfo("Hz", "Central frequency of the band")] public double FreqCentralHz { get; set; }
    [JsonPropertyName("freq_low_hz"), ColumnInfo("Hz", "Lower edge of the band")] public double FreqLowHz { get; set; }
    [JsonPropertyName("freq_high_hz"), ColumnInfo("Hz", "Upper edge of the band")] public double FreqHighHz { get; set; }
}

/// <summary>Table "sky_regions" (TraP's skyregion).</summary>
public sealed class SkyRegionRow
{
    [JsonPropertyName("sky_region_id"), ColumnInfo("-", "Sky region id (images.sky_region_id)")] public long SkyRegionId { get; set; }
    [JsonPropertyName("centre_ra_deg"), ColumnInfo("deg", "Right ascension (J2000) of the region's centre")] public double CentreRaDeg { get; set; }
    [JsonPropertyName("centre_dec_deg"), ColumnInfo("deg", "Declination (J2000) of the region's centre")] public double CentreDecDeg { get; set; }
    [JsonPropertyName("xtr_radius_deg"), ColumnInfo("deg", "Radius of the region's extraction circle")] public double XtrRadiusDeg { get; set; }
}

/// <summary>Table "monitor": user-given positions that are forced-fitted in every image covering them.</summary>
public sealed class MonitorRow
{
    [JsonPropertyName("monitor_id"), ColumnInfo("-", "Monitor id (extracted_sources.ff_monitor_id)")] public long MonitorId { get; set; }
    [JsonPropertyName("ra_deg"), ColumnInfo("deg", "Right ascension (J2000) given in the monitor list")] public double RaDeg { get; set; }
    [JsonPropertyName("dec_deg"), ColumnInfo("deg", "Declination (J2000) given in the monitor list")] public double DecDeg { get; set; }
    [JsonPropertyName("name"), ColumnInfo("-", "Name given in the monitor list (empty when none)")] public string Name { get; set; } = "";
    [JsonPropertyName("runcat_id"), ColumnInfo("-", "The catalogue source of its fits; NULL when no image covers the position")] public long? RuncatId { get; set; }
}
