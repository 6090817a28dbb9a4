using Trap.Science.Extraction;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// A true source in pixel coordinates: position, integrated flux (Jy) and S/N of its peak. Sources
/// not <paramref name="Counted"/> (e.g. too close to the mask) still explain detections for the
/// reliability but are left out of completeness, fluxes and pulls.
/// </summary>
internal readonly record struct TrueSource(double X, double Y, double IntFlux, double PeakSnr, bool Counted = true);

/// <summary>
/// Extraction accuracy against known truth: sources matched to the nearest true source within a
/// radius; completeness per true-S/N bin, reliability per measured-S/N bin, measured/true flux and
/// position pulls (offset / quoted error, which should be ~N(0,1)).
/// </summary>
internal sealed class AccuracyReport
{
    public static readonly double[] SnrEdges = { 5, 8, 10, 15, 20, 50, 100, double.PositiveInfinity };

    private readonly List<(TrueSource Truth, ExtractedSource? Match)> _truth = new();
    private readonly List<(ExtractedSource Source, bool Matched)> _extracted = new();

    /// <summary>Adds one image's truth and extraction; each extracted source matches at most one true source.</summary>
    public void Add(IReadOnlyList<TrueSource> truth, IReadOnlyList<ExtractedSource> extracted, double matchRadiusPx)
    {
        var used = new bool[extracted.Count];
        foreach (var t in truth.OrderByDescending(t => t.PeakSnr))
        {
            var best = -1;
            var bestD2 = matchRadiusPx * matchRadiusPx;
            for (var i = 0; i < extracted.Count; i++)
            {
                if (used[i]) continue;
                var d2 = Math.Pow(extracted[i].X - t.X, 2) + Math.Pow(extracted[i].Y - t.Y, 2);
                if (d2 <= bestD2)
                {
                    bestD2 = d2;
                    best = i;
                }
            }
            if (best >= 0) used[best] = true;
            if (t.Counted) _truth.Add((t, best >= 0 ? extracted[best] : null));
        }
        for (var i = 0; i < extracted.Count; i++) _extracted.Add((extracted[i], used[i]));
    }

    /// <summary>Fraction of true sources with true peak S/N in [lo, hi) that were found; NaN when none.</summary>
    public double Completeness(double lo, double hi) =>
        Fraction(_truth.Where(t => t.Truth.PeakSnr >= lo && t.Truth.PeakSnr < hi).Select(t => t.Match is not null));

    /// <summary>Fraction of extracted sources with det_sigma in [lo, hi) that match a true source; NaN when none.</summary>
    public double Reliability(double lo, double hi) =>
        Fraction(_extracted.Where(e => e.Source.DetSigma >= lo && e.Source.DetSigma < hi).Select(e => e.Matched));

    public int TrueCount(double lo, double hi) => _truth.Count(t => t.Truth.PeakSnr >= lo && t.Truth.PeakSnr < hi);

    public int ExtractedCount(double lo, double hi) => _extracted.Count(e => e.Source.DetSigma >= lo && e.Source.DetSigma < hi);

    /// <summary>Median of measured/true integrated flux over matches with true S/N ≥ minSnr.</summary>
    public double MedianFluxRatio(double minSnr) =>
        Median(Matches(minSnr).Select(m => m.Source.IntFlux / m.Truth.IntFlux));

    /// <summary>Mean and standard deviation of the x and y pulls over matches with true S/N ≥ minSnr.</summary>
    public (double Mean, double Std, int Count) Pulls(double minSnr)
    {
        var pulls = Matches(minSnr)
            .SelectMany(m => new[] { (m.Source.X - m.Truth.X) / m.Source.XErr, (m.Source.Y - m.Truth.Y) / m.Source.YErr })
            .ToArray();
        var mean = pulls.Average();
        return (mean, Math.Sqrt(pulls.Sum(p => (p - mean) * (p - mean)) / (pulls.Length - 1)), pulls.Length);
    }

    /// <summary>Mean and standard deviation of (f_int − true)/f_int_err over matches with true S/N ≥ minSnr.</summary>
    public (double Mean, double Std) FluxPulls(double minSnr)
    {
        var pulls = Matches(minSnr).Select(m => (m.Source.IntFlux - m.Truth.IntFlux) / m.Source.IntFluxErr).ToArray();
        var mean = pulls.Average();
        return (mean, Math.Sqrt(pulls.Sum(p => (p - mean) * (p - mean)) / (pulls.Length - 1)));
    }

    /// <summary>The table for the report: one row per S/N bin.</summary>
    public string Table()
    {
        var lines = new List<string> { "S/N bin      true  found  completeness  extracted  reliability" };
        for (var b = 0; b < SnrEdges.Length - 1; b++)
        {
            double lo = SnrEdges[b], hi = SnrEdges[b + 1];
            var found = _truth.Count(t => t.Truth.PeakSnr >= lo && t.Truth.PeakSnr < hi && t.Match is not null);
            lines.Add($"[{lo,3}, {hi,3})  {TrueCount(lo, hi),5}  {found,5}  {Completeness(lo, hi),12:F3}  {ExtractedCount(lo, hi),9}  {Reliability(lo, hi),11:F3}");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private IEnumerable<(TrueSource Truth, ExtractedSource Source)> Matches(double minSnr) =>
        _truth.Where(t => t.Match is not null && t.Truth.PeakSnr >= minSnr).Select(t => (t.Truth, t.Match!));

    private static double Fraction(IEnumerable<bool> flags)
    {
        var list = flags.ToList();
        return list.Count == 0 ? double.NaN : list.Count(f => f) / (double)list.Count;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
