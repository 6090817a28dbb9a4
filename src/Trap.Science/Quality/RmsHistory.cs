using Trap.Dataset;

namespace Trap.Science.Quality;

/// <summary>
/// TraP's historical RMS check (docs/science.md §3.7), the one sequential QC step: images must be
/// applied in observation order (time, then frequency). Every image with an rms_qc joins its band's
/// history, rejected or not, as TraP's image table does. Once a band holds rms_est_history images, an
/// accepted image is rejected (reason 0) unless its rms_qc lies strictly within μ ± rms_rej_sigma·σ of
/// the newest rms_est_history values (its own included; μ the mean, σ the population std).
/// Bands follow TraP's get_band rule (docs/science.md §6.3): the first band whose interval overlaps.
/// </summary>
public sealed class RmsHistory
{
    private readonly QualityConfig _config;
    private readonly List<Band> _bands = [];

    public RmsHistory(QualityConfig config)
    {
        config.Validate();
        _config = config;
    }

    /// <summary>Records the image's rms_qc and returns the verdict with the historical check applied.</summary>
    public QualityVerdict Apply(QualityVerdict verdict)
    {
        if (verdict.Metadata is not { } m || double.IsNaN(verdict.RmsQc)) return verdict;
        var (ran, rejection) = Check(m.FrequencyHz, m.BandwidthHz, verdict.RmsQc, verdict.Accepted);
        if (!ran) return verdict;
        return verdict with { ChecksRun = verdict.ChecksRun.Append(QualityCheck.RmsHistory).ToArray(), Rejection = rejection };
    }

    /// <summary>The same check on the flat QC record (as the pipeline driver holds it).</summary>
    public QualityRecord Apply(QualityRecord record)
    {
        if (double.IsNaN(record.RmsQcJy) || double.IsNaN(record.FrequencyHz)) return record;
        var (ran, rejection) = Check(record.FrequencyHz, record.BandwidthHz, record.RmsQcJy, record.Accepted);
        if (!ran) return record;
        var checks = record.ChecksRun.Length == 0 ? "rms_history" : record.ChecksRun + ",rms_history";
        return rejection is null
            ? record with { ChecksRun = checks }
            : record with
            {
                ChecksRun = checks,
                Accepted = false,
                ReasonId = rejection.Reason.Id,
                ReasonName = rejection.Reason.Name,
                Explanation = rejection.Explanation,
            };
    }

    /// <summary>Adds rms to its band's history; says whether the check ran (accepted images only) and its rejection.</summary>
    private (bool Ran, QualityRejection? Rejection) Check(double frequencyHz, double bandwidthHz, double rmsQc, bool accepted)
    {
        var band = BandOf(frequencyHz, bandwidthHz);
        var n = _config.RmsEstHistory;
        band.Rms.Enqueue(rmsQc);
        if (band.Rms.Count > n) band.Rms.Dequeue();
        if (!accepted) return (false, null);
        if (band.Rms.Count < n) return (true, null);
        var recent = band.Rms.ToArray();
        var mean = recent.Average();
        var std = Math.Sqrt(recent.Sum(r => (r - mean) * (r - mean)) / n);
        var k = _config.RmsRejSigma;
        var (low, high) = (mean - k * std, mean + k * std);
        if (rmsQc > low && rmsQc < high) return (true, null);
        return (true, new QualityRejection(RejectReason.RmsInvalid,
            $"rms_qc = {rmsQc:G6} Jy is outside ({low:G6}, {high:G6}) Jy, the mean {mean:G6} ± {k:G3} × std {std:G6} " +
            $"of the last {n} images in the {band.Low / 1e6:G6}–{band.High / 1e6:G6} MHz band"));
    }

    private Band BandOf(double frequencyHz, double bandwidthHz)
    {
        var (low, high) = (frequencyHz - bandwidthHz / 2, frequencyHz + bandwidthHz / 2);
        foreach (var band in _bands)
        {
            if (Math.Max(high, band.High) - Math.Min(low, band.Low) < (high - low) + (band.High - band.Low)) return band;
        }
        var created = new Band(low, high);
        _bands.Add(created);
        return created;
    }

    private sealed record Band(double Low, double High)
    {
        /// <summary>The newest rms_est_history rms_qc values, oldest first.</summary>
        public Queue<double> Rms { get; } = new();
    }
}
