using System.Text.Json.Serialization;

namespace Trap.Pipeline.Output.Rows;

/// <summary>Table "dataset": the run itself (one row).</summary>
public sealed class DatasetRow
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("process_start_utc")] public DateTime ProcessStartUtc { get; set; }
    [JsonPropertyName("process_end_utc")] public DateTime ProcessEndUtc { get; set; }
    [JsonPropertyName("n_images")] public int NImages { get; set; }
    [JsonPropertyName("n_rejected")] public int NRejected { get; set; }
    [JsonPropertyName("engine")] public string Engine { get; set; } = "";
}

/// <summary>Table "config": the effective job configuration, one row per key (TraP's config).</summary>
public sealed class ConfigRow
{
    [JsonPropertyName("section")] public string Section { get; set; } = "";
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("value")] public string Value { get; set; } = "";
    [JsonPropertyName("type")] public string Type { get; set; } = "";
}

/// <summary>Table "frequency_bands" (TraP's frequencyband).</summary>
public sealed class FrequencyBandRow
{
    [JsonPropertyName("band_id")] public int BandId { get; set; }
    [JsonPropertyName("freq_central_hz")] public double FreqCentralHz { get; set; }
    [JsonPropertyName("freq_low_hz")] public double FreqLowHz { get; set; }
    [JsonPropertyName("freq_high_hz")] public double FreqHighHz { get; set; }
}

/// <summary>Table "sky_regions" (TraP's skyregion).</summary>
public sealed class SkyRegionRow
{
    [JsonPropertyName("sky_region_id")] public long SkyRegionId { get; set; }
    [JsonPropertyName("centre_ra_deg")] public double CentreRaDeg { get; set; }
    [JsonPropertyName("centre_dec_deg")] public double CentreDecDeg { get; set; }
    [JsonPropertyName("xtr_radius_deg")] public double XtrRadiusDeg { get; set; }
}

/// <summary>Table "monitor": user-given positions that are forced-fitted in every image covering them.</summary>
public sealed class MonitorRow
{
    [JsonPropertyName("monitor_id")] public long MonitorId { get; set; }
    [JsonPropertyName("ra_deg")] public double RaDeg { get; set; }
    [JsonPropertyName("dec_deg")] public double DecDeg { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("runcat_id")] public long? RuncatId { get; set; }
}
