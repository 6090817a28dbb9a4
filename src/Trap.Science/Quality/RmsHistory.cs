namespace Trap.Science.Quality;

/// <summary>
/// TraP's historical RMS check (trap-facts §3.3 B.6), the one sequential QC step: images must be
/// applied in observation order (time, then frequency). Every image with an rms_qc joins its band's
/// history, rejected or not, as TraP's image table does. Once a band holds rms_est_history images, an
/// accepted image is rejected (reason 0) unless its rms_qc lies strictly within μ ± rms_rej_sigma·σ of
/// the newest rms_est_history values (its own included; μ the mean, σ the population std).
/// Bands follow TraP's get_band rule (trap-facts §6.3): the first band whose interval overlaps.
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
        var band = BandOf(m.FrequencyHz, m.BandwidthHz);
        var n = _config.RmsEstHistory;
        band.Rms.Enqueue(verdict.RmsQc);
        if (band.Rms.Count > n) band.Rms.Dequeue();
        if (!verdict.Accepted) return verdict;
        var checks = verdict.ChecksRun.Append(QualityCheck.RmsHistory).ToArray();
        if (band.Rms.Count < n) return verdict with { ChecksRun = checks };
        var recent = band.Rms.ToArray();
        var mean = recent.Average();
        var std = Math.Sqrt(recent.Sum(r => (r - mean) * (r - mean)) / n);
        var k = _config.RmsRejSigma;
        var (low, high) = (mean - k * std, mean + k * std);
        if (verdict.RmsQc > low && verdict.RmsQc < high) return verdict with { ChecksRun = checks };
        var rejection = new QualityRejection(RejectReason.RmsInvalid,
            $"rms_qc = {verdict.RmsQc:G6} Jy is outside ({low:G6}, {high:G6}) Jy, the mean {mean:G6} ± {k:G3} × std {std:G6} " +
            $"of the last {n} images in the {band.Low / 1e6:G6}–{band.High / 1e6:G6} MHz band");
        return verdict with { ChecksRun = checks, Rejection = rejection };
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
