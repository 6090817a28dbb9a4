namespace Trap.Science.Variability;

/// <summary>
/// VAST's two-epoch metrics (Mooley et al. 2016; docs/science.md §8.3) for a pair of fluxes a (earlier)
/// and b (later) with errors, all Jy.
/// </summary>
public static class TwoEpochMetrics
{
    /// <summary>Vs = (S_a − S_b) / sqrt(σ_a² + σ_b²): the t-statistic of the change.</summary>
    public static double Vs(double fluxA, double errorA, double fluxB, double errorB) =>
        (fluxA - fluxB) / Math.Sqrt(errorA * errorA + errorB * errorB);

    /// <summary>m = 2(S_a − S_b)/(S_a + S_b): the modulation index; ±∞ or NaN if S_a + S_b = 0.</summary>
    public static double M(double fluxA, double fluxB) => 2.0 * (fluxA - fluxB) / (fluxA + fluxB);

    /// <summary>
    /// VAST's per-source aggregate: among the pairs (i &lt; j) of the light curve with |Vs| ≥
    /// <paramref name="minAbsVs"/> and j − i ≤ <paramref name="window"/> (0: every pair; docs/science.md
    /// §8.3), the pair with the largest |m| (the first in (i, j) order on a tie); returns its (|Vs|, |m|),
    /// or (0, 0) if no pair qualifies. Pairs whose fluxes sum to zero have no m and are skipped.
    /// O(N·W) time, O(1) memory: nothing per pair is kept.
    /// </summary>
    public static (double AbsVs, double AbsM) MostSignificantPair(ReadOnlySpan<double> flux, ReadOnlySpan<double> error, double minAbsVs, int window = 0)
    {
        if (flux.Length != error.Length) throw new ArgumentException("flux and error light curves differ in length");
        var pair = new SignificantPairTracker();
        for (var j = 1; j < flux.Length; j++)
        {
            var first = window == 0 ? 0 : Math.Max(0, j - window);
            pair.Pair(flux[first..j], error[first..j], first, flux[j], error[j], minAbsVs);
        }
        return pair.Value;
    }
}
