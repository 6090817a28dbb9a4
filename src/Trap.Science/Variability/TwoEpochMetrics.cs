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
    /// VAST's per-source aggregate: among all pairs (i &lt; j) of the light curve with |Vs| ≥
    /// <paramref name="minAbsVs"/>, the pair with the largest |m|; returns its (|Vs|, |m|), or (0, 0)
    /// if no pair qualifies. Pairs whose fluxes sum to zero have no m and are skipped. The pairs are
    /// evaluated on the fly (O(N²) time, O(1) memory): nothing per pair is kept.
    /// </summary>
    public static (double AbsVs, double AbsM) MostSignificantPair(ReadOnlySpan<double> flux, ReadOnlySpan<double> error, double minAbsVs)
    {
        if (flux.Length != error.Length) throw new ArgumentException("flux and error light curves differ in length");
        double bestVs = 0, bestM = 0;
        var found = false;
        for (var i = 0; i < flux.Length; i++)
        {
            for (var j = i + 1; j < flux.Length; j++)
            {
                var vs = Math.Abs(Vs(flux[i], error[i], flux[j], error[j]));
                if (!(vs >= minAbsVs)) continue;
                var m = Math.Abs(M(flux[i], flux[j]));
                if (!double.IsFinite(m)) continue;
                if (!found || m > bestM)
                {
                    found = true;
                    bestM = m;
                    bestVs = vs;
                }
            }
        }
        return (bestVs, bestM);
    }
}
