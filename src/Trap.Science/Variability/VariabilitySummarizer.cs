using Trap.Science.Association;
using Trap.Science.NewSources;

namespace Trap.Science.Variability;

/// <summary>Builds a <see cref="VariabilitySummary"/> from one source's light curve.</summary>
public static class VariabilitySummarizer
{
    /// <summary>
    /// TraP's varmetric choice (docs/science.md §8.3): take each band's latest time with a measurement;
    /// among the rows at any of those times, the one with the largest integrated flux gives V, η and
    /// the band (an exact tie goes to the lower band, then the lower extraction id: TraP would fail on
    /// its unique key there). Light-curve statistics and pair metrics use every row in that band, in
    /// processing (time) order.
    /// </summary>
    public static VariabilitySummary Summarize(long runcatId, IReadOnlyList<AssociationRecord> history, NewSourceRecord? newSource, double minAbsVs)
    {
        if (history.Count == 0) throw new ArgumentException($"catalogue source {runcatId} has an empty light curve", nameof(history));
        var latestPerBand = new Dictionary<int, DateTime>();
        foreach (var row in history)
            if (!latestPerBand.TryGetValue(row.BandId, out var t) || row.TimeUtc > t) latestPerBand[row.BandId] = row.TimeUtc;
        var latestTimes = new HashSet<DateTime>(latestPerBand.Values);

        AssociationRecord? chosen = null;
        foreach (var row in history)
        {
            if (!latestTimes.Contains(row.TimeUtc)) continue;
            if (chosen is not { } c || row.FInt > c.FInt
                || (row.FInt == c.FInt && (row.BandId < c.BandId || (row.BandId == c.BandId && row.ExtractionId < c.ExtractionId))))
                chosen = row;
        }
        var best = chosen!.Value;

        var n = 0;
        foreach (var row in history) if (row.BandId == best.BandId) n++;
        var fInt = new double[n];
        var fIntErr = new double[n];
        var fPeak = new double[n];
        var fPeakErr = new double[n];
        var k = 0;
        foreach (var row in history)
        {
            if (row.BandId != best.BandId) continue;
            fInt[k] = row.FInt;
            fIntErr[k] = row.FIntErr;
            fPeak[k] = row.FPeak;
            fPeakErr[k] = row.FPeakErr;
            k++;
        }
        var (vsInt, mInt) = TwoEpochMetrics.MostSignificantPair(fInt, fIntErr, minAbsVs);
        var (vsPeak, mPeak) = TwoEpochMetrics.MostSignificantPair(fPeak, fPeakErr, minAbsVs);

        return new VariabilitySummary(runcatId, best.BandId, best.FDatapoints, best.VInt, best.EtaInt, best.VPeak, best.EtaPeak,
            VariabilityIndices.EtaSignificance(best.FDatapoints, best.EtaInt),
            fInt.Max(), fInt.Average(), Median(fInt), vsInt, mInt, vsPeak, mPeak,
            newSource?.TriggerExtractionId, newSource?.NewSourceType, newSource?.SigmaRmsMin, newSource?.SigmaRmsMax);
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
