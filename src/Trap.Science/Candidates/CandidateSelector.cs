namespace Trap.Science.Candidates;

/// <summary>
/// Selects candidates from every source's per-band metrics (docs/science.md §8.4): new sources by type and
/// sigma_rms, variables by fixed cuts on η, V and significance and by TraP_tools' data-driven test —
/// per band, Gaussians fitted (robustly) to log10 η and log10 V of the sources with enough datapoints
/// that are not new, and sources above median + n·σ in both flagged — and sources whose flux change passes η
/// and whose blind positions move (position_shift_sigma), whatever V. A source selected in several
/// bands keeps one band: new-source bands first, then the most significant.
/// </summary>
public static class CandidateSelector
{
    /// <summary>One verdict per band metric given (selected or not), in input order.</summary>
    public static IReadOnlyList<BandSelection> Evaluate(IReadOnlyList<BandMetrics> metrics, TransientSearchConfig config)
    {
        var fits = metrics.GroupBy(m => m.BandId).ToDictionary(g => g.Key, g => FitBand(g, config));
        return metrics.Select(m => Judge(m, fits[m.BandId], config)).ToList();
    }

    /// <summary>The selected sources, one band each, ordered by runcat id.</summary>
    public static IReadOnlyList<BandSelection> Select(IReadOnlyList<BandMetrics> metrics, TransientSearchConfig config) =>
        Evaluate(metrics, config)
            .Where(s => s.Selected)
            .GroupBy(s => s.Metrics.RuncatId)
            .Select(g => g
                .OrderByDescending(s => s.Reasons.HasFlag(SelectionReasons.NewSource))
                .ThenByDescending(s => s.Metrics.EtaSignificance)
                .ThenByDescending(s => s.Metrics.EtaInt)
                .ThenBy(s => s.Metrics.BandId)
                .First())
            .OrderBy(s => s.Metrics.RuncatId)
            .ToList();

    private static (RobustGaussian Eta, RobustGaussian V)? FitBand(IEnumerable<BandMetrics> band, TransientSearchConfig config)
    {
        var sample = band.Where(m => IsFitSample(m, config)).ToList();
        if (sample.Count < config.OutlierMinSources) return null;
        return (RobustGaussian.Fit(sample.Select(m => Math.Log10(m.EtaInt)).ToList()),
                RobustGaussian.Fit(sample.Select(m => Math.Log10(m.VInt)).ToList()));
    }

    private static bool IsFitSample(BandMetrics m, TransientSearchConfig config) =>
        m.NewSourceType is null && m.FDatapoints >= config.MinDatapoints && m.EtaInt > 0 && m.VInt > 0;

    private static BandSelection Judge(BandMetrics m, (RobustGaussian Eta, RobustGaussian V)? fit, TransientSearchConfig config)
    {
        var reasons = SelectionReasons.None;
        if (IsSelectedNewSource(m, config)) reasons |= SelectionReasons.NewSource;

        var etaSigmas = double.NaN;
        var vSigmas = double.NaN;
        if (fit is { } f && m.EtaInt > 0 && m.VInt > 0)
        {
            etaSigmas = f.Eta.SigmasAbove(Math.Log10(m.EtaInt));
            vSigmas = f.V.SigmasAbove(Math.Log10(m.VInt));
        }
        if (m.FDatapoints >= config.MinDatapoints)
        {
            var cuts = m.EtaInt >= config.EtaMin && m.VInt >= config.VMin && m.EtaSignificance >= config.SignificanceMin;
            // Without a fit (too few sources in the band) the outlier test cannot object.
            var outlier = fit is null
                ? config.VariabilitySelection == VariabilitySelection.Both
                : etaSigmas > config.OutlierSigma && vSigmas > config.OutlierSigma;
            var variable = config.VariabilitySelection switch
            {
                VariabilitySelection.Cuts => cuts,
                VariabilitySelection.Outliers => outlier,
                VariabilitySelection.Both => cuts && outlier,
                _ => cuts || outlier,
            };
            if (variable && cuts) reasons |= SelectionReasons.Cuts;
            if (variable && outlier && fit is not null) reasons |= SelectionReasons.Outlier;
            if (IsPositionShift(m, config)) reasons |= SelectionReasons.PositionShift;
        }
        return new BandSelection(m, reasons, etaSigmas, vSigmas);
    }

    /// <summary>The flux changed (η and its significance pass) and the blind positions moved, whatever V.</summary>
    private static bool IsPositionShift(BandMetrics m, TransientSearchConfig config) =>
        config.PositionShiftSigma > 0 && m.PositionDatapoints >= config.MinDatapoints
        && m.EtaInt >= config.EtaMin && m.EtaSignificance >= config.SignificanceMin && m.PositionSigma >= config.PositionShiftSigma;

    private static bool IsSelectedNewSource(BandMetrics m, TransientSearchConfig config)
    {
        if (m.NewSourceType is not { } type) return false;
        var typeOk = config.NewSourceSelection switch
        {
            NewSourceSelection.Possible => type is 0 or 1,
            NewSourceSelection.Likely => type == 1,
            _ => false,
        };
        return typeOk && (m.SigmaRmsMin ?? 0) >= config.NewSourceSigmaRmsMin && (m.SigmaRmsMax ?? 0) >= config.NewSourceSigmaRmsMax;
    }
}
