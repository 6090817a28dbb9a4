using Trap.Dataset;
using Trap.Images;

namespace Trap.Science.Quality;

/// <summary>
/// rms_qc against the noise the image should have (reason 0): for LOFAR the theoretical noise
/// (docs/science.md §3.3, §3.4) with low_bound / high_bound; for other telescopes the configured
/// expected noise with its own bounds (Trap extension), or no check when none is configured.
/// </summary>
public static class NoiseRatioCheck
{
    /// <summary>The rejection (or null) and the expected noise in Jy (NaN when there is none).</summary>
    public static (QualityRejection? Rejection, double ExpectedNoiseJy) Check(ImageMetadata metadata, double rmsQc, QualityConfig config)
    {
        if (metadata.Lofar is { } lofar)
        {
            double noise;
            try
            {
                noise = LofarTheoreticalNoise.NoiseJy(metadata.FrequencyHz, metadata.BandwidthHz, metadata.IntegrationSeconds,
                    lofar, config.LbaDipoleDistances);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or KeyNotFoundException)
            {
                return (new QualityRejection(RejectReason.RmsInvalid, $"cannot compute the LOFAR theoretical noise: {e.Message}"), double.NaN);
            }
            if (!(noise > 0 && double.IsFinite(noise)))
            {
                return (new QualityRejection(RejectReason.RmsInvalid,
                    $"LOFAR theoretical noise is {noise:G6} Jy for {lofar.CoreStations} core, {lofar.RemoteStations} remote, " +
                    $"{lofar.InternationalStations} international stations, bandwidth {metadata.BandwidthHz:G6} Hz, " +
                    $"integration {metadata.IntegrationSeconds:G6} s; check the LOFAR header fields"), noise);
            }
            return (Compare(rmsQc, noise, config.LowBound, config.HighBound, "LOFAR theoretical noise", "low_bound", "high_bound"), noise);
        }
        if (config.ExpectedNoiseJy is { } expected)
        {
            return (Compare(rmsQc, expected, config.ExpectedNoiseLowBound, config.ExpectedNoiseHighBound,
                "configured expected noise", "expected_noise_low_bound", "expected_noise_high_bound"), expected);
        }
        return (null, double.NaN);
    }

    private static QualityRejection? Compare(double rms, double noise, double low, double high, string what, string lowKey, string highKey)
    {
        var ratio = rms / noise;
        if (rms < noise * low)
        {
            return new QualityRejection(RejectReason.RmsInvalid,
                $"rms_qc = {rms:G6} Jy is {ratio:G4} × the {what} {noise:G6} Jy, below {lowKey} = {low:G4}");
        }
        if (rms > noise * high)
        {
            return new QualityRejection(RejectReason.RmsInvalid,
                $"rms_qc = {rms:G6} Jy is {ratio:G4} × the {what} {noise:G6} Jy, above {highKey} = {high:G4}");
        }
        // NaN rms (no finite pixel in the central box) fails both comparisons: say so rather than pass it.
        return double.IsNaN(rms)
            ? new QualityRejection(RejectReason.RmsInvalid, "rms_qc could not be computed: the central box has no finite pixel")
            : null;
    }
}
