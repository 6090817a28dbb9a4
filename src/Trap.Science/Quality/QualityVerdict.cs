using Trap.Images;

namespace Trap.Science.Quality;

/// <summary>
/// The outcome of quality control for one image: accepted, or the first failed check's rejection;
/// which checks ran; and the numbers they measured (NaN where a number was not computed).
/// </summary>
public sealed record QualityVerdict
{
    public required string Url { get; init; }

    /// <summary>Null when the image passed every check that ran.</summary>
    public QualityRejection? Rejection { get; init; }

    public bool Accepted => Rejection is null;

    /// <summary>Checks that ran, in order; the last one is the failing one when rejected.</summary>
    public required IReadOnlyList<QualityCheck> ChecksRun { get; init; }

    /// <summary>Metadata of the image; null when it could not be read.</summary>
    public ImageMetadata? Metadata { get; init; }

    /// <summary>rms_qc in Jy (docs/science.md §3.2).</summary>
    public double RmsQc { get; init; } = double.NaN;

    /// <summary>Expected noise in Jy: LOFAR theoretical noise, or the configured expected noise.</summary>
    public double ExpectedNoiseJy { get; init; } = double.NaN;

    /// <summary>Fraction of NaN pixels in the field (the circle inscribed in the image).</summary>
    public double NanFraction { get; init; } = double.NaN;

    /// <summary>The flat record written to Parquet and the database.</summary>
    public QualityRecord ToRecord()
    {
        var m = Metadata;
        var beam = m?.BeamPixels;
        return new QualityRecord(
            Url,
            Accepted,
            Rejection?.Reason.Id ?? -1,
            Rejection?.Reason.Name ?? "",
            Rejection?.Explanation ?? "",
            string.Join(",", ChecksRun.Select(SnakeCase)),
            m?.Telescope ?? "",
            m?.StartUtc,
            m?.FrequencyHz ?? double.NaN,
            m?.BandwidthHz ?? double.NaN,
            m?.IntegrationSeconds ?? double.NaN,
            beam?.SemiMajorPx ?? double.NaN,
            beam?.SemiMinorPx ?? double.NaN,
            beam?.PositionAngleRad ?? double.NaN,
            m?.CentreRaDeg ?? double.NaN,
            m?.CentreDecDeg ?? double.NaN,
            RmsQc,
            ExpectedNoiseJy,
            RmsQc / ExpectedNoiseJy,
            NanFraction);
    }

    /// <summary>NoiseRatio → noise_ratio.</summary>
    private static string SnakeCase(QualityCheck check)
    {
        var name = check.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}

/// <summary>
/// One image's QC result as flat primitive columns (for Parquet and the catalogue database). Accepted
/// images have ReasonId −1 and empty reason fields; numbers not computed are NaN; StartUtc is null
/// only when the image could not be read.
/// </summary>
/// <param name="ChecksRun">Comma-separated snake_case names of the checks that ran, in order.</param>
/// <param name="NoiseRatio">RmsQc / ExpectedNoiseJy.</param>
/// <param name="NanFraction">Fraction of NaN pixels in the field (the circle inscribed in the image).</param>
public sealed record QualityRecord(
    string ImageUrl,
    bool Accepted,
    int ReasonId,
    string ReasonName,
    string Explanation,
    string ChecksRun,
    string Telescope,
    DateTime? StartUtc,
    double FrequencyHz,
    double BandwidthHz,
    double IntegrationSeconds,
    double BeamSemiMajorPx,
    double BeamSemiMinorPx,
    double BeamPositionAngleRad,
    double CentreRaDeg,
    double CentreDecDeg,
    double RmsQcJy,
    double ExpectedNoiseJy,
    double NoiseRatio,
    double NanFraction);
