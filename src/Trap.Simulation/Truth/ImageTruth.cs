using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Trap.Simulation.Truth;

/// <summary>
/// One row of <c>truth_images.parquet</c>: what an image really is. Column names are snake_case;
/// units are in the names (Hz, s, Jy, deg). Settable properties because the Parquet reader fills them.
/// </summary>
public sealed class ImageTruth
{
    /// <summary>Path relative to the survey folder ('/' separators).</summary>
    [JsonPropertyName("file")] public string File { get; set; } = "";

    [JsonPropertyName("image_index")] public int ImageIndex { get; set; }

    [JsonPropertyName("pointing")] public int Pointing { get; set; }

    [JsonPropertyName("pointing_name")] public string PointingName { get; set; } = "";

    [JsonPropertyName("band")] public int Band { get; set; }

    [JsonPropertyName("frequency_hz")] public double FrequencyHz { get; set; }

    [JsonPropertyName("bandwidth_hz")] public double BandwidthHz { get; set; }

    [JsonPropertyName("timestep")] public int Timestep { get; set; }

    /// <summary>Start of the integration, UTC.</summary>
    [JsonPropertyName("start_utc")]
    [ParquetTimestamp(ParquetTimestampResolution.Milliseconds, useLogicalTimestamp: true, isAdjustedToUTC: true)]
    public DateTime StartUtc { get; set; }

    [JsonPropertyName("integration_s")] public double IntegrationSeconds { get; set; }

    /// <summary>Standard deviation of the noise the image was made with (Jy/beam).</summary>
    [JsonPropertyName("noise_rms_jy")] public double NoiseRmsJy { get; set; }

    /// <summary>A <see cref="QualityKind"/> name: "Good", "HighNoise", "Truncated", ...</summary>
    [JsonPropertyName("quality")] public string Quality { get; set; } = nameof(QualityKind.Good);

    /// <summary>The beam the pixels were made with (FWHM and PA in degrees), even when the header lacks it.</summary>
    [JsonPropertyName("beam_major_deg")] public double BeamMajorDeg { get; set; }

    [JsonPropertyName("beam_minor_deg")] public double BeamMinorDeg { get; set; }

    [JsonPropertyName("beam_pa_deg")] public double BeamPaDeg { get; set; }

    [JsonPropertyName("centre_ra_deg")] public double CentreRaDeg { get; set; }

    [JsonPropertyName("centre_dec_deg")] public double CentreDecDeg { get; set; }

    [JsonPropertyName("width")] public int Width { get; set; }

    [JsonPropertyName("height")] public int Height { get; set; }

    /// <summary>Fraction of pixels set to NaN (NanBlock images).</summary>
    [JsonPropertyName("nan_fraction")] public double NanFraction { get; set; }

    /// <summary>Size of the file on disk in bytes (0 for images rendered in memory).</summary>
    [JsonPropertyName("file_bytes")] public long FileBytes { get; set; }

    [ParquetIgnore, JsonIgnore] public QualityKind QualityKind => Enum.Parse<QualityKind>(Quality);
}
