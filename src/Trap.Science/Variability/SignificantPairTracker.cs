namespace Trap.Science.Variability;

/// <summary>
/// VAST's pair aggregate (<see cref="TwoEpochMetrics.MostSignificantPair"/>) kept as a light curve
/// grows: each new point is paired with the points before it that the window keeps (O(W) per point
/// instead of O(N²) per summary). The definition takes, among the pairs with the largest |m|, the
/// first in (i, j) order; a new point j pairs after every kept pair, so it wins a tie only with a
/// smaller i (docs/streaming.md, "The light curves the catalogue keeps").
/// </summary>
public struct SignificantPairTracker
{
    private double _absVs;
    private double _absM;
    private long _earlier;
    private bool _found;

    /// <summary>(|Vs|, |m|) of the chosen pair, or (0, 0) if no pair qualifies.</summary>
    public readonly (double AbsVs, double AbsM) Value => _found ? (_absVs, _absM) : (0.0, 0.0);

    /// <summary>
    /// Pairs a new point with earlier ones: <paramref name="flux"/>[k] and <paramref name="error"/>[k] are
    /// the curve's point number <paramref name="firstIndex"/> + k. Earlier points may come in several
    /// calls, in any order (ties go by the points' numbers).
    /// </summary>
    public void Pair(ReadOnlySpan<double> flux, ReadOnlySpan<double> error, long firstIndex, double newFlux, double newError, double minAbsVs)
    {
        if (flux.Length != error.Length) throw new ArgumentException("flux and error light curves differ in length");
        for (var k = 0; k < flux.Length; k++)
        {
            var vs = Math.Abs(TwoEpochMetrics.Vs(flux[k], error[k], newFlux, newError));
            if (!(vs >= minAbsVs)) continue;
            var m = Math.Abs(TwoEpochMetrics.M(flux[k], newFlux));
            if (!double.IsFinite(m)) continue;
            var i = firstIndex + k;
            if (!_found || m > _absM || (m == _absM && i < _earlier))
            {
                _found = true;
                _absM = m;
                _absVs = vs;
                _earlier = i;
            }
        }
    }
}
