namespace Trap.Science.Variability;

/// <summary>
/// VAST's pair aggregate (<see cref="TwoEpochMetrics.MostSignificantPair"/>) kept as a light curve
/// grows: each new point is paired with every earlier one (O(N) per point instead of O(N²) per
/// summary). The batch definition takes, among the pairs with the largest |m|, the first in (i, j)
/// order; a new point j pairs after every kept pair, so it wins a tie only with a smaller i
/// (docs/streaming.md, "The light curves the catalogue keeps").
/// </summary>
public struct SignificantPairTracker
{
    private double _absVs;
    private double _absM;
    private int _earlier;
    private bool _found;

    /// <summary>(|Vs|, |m|) of the chosen pair, or (0, 0) if no pair qualifies.</summary>
    public readonly (double AbsVs, double AbsM) Value => _found ? (_absVs, _absM) : (0.0, 0.0);

    /// <summary>Pairs the light curve's last point with each earlier one (the spans hold the curve so far).</summary>
    public void AddLast(ReadOnlySpan<double> flux, ReadOnlySpan<double> error, double minAbsVs)
    {
        if (flux.Length != error.Length) throw new ArgumentException("flux and error light curves differ in length");
        var j = flux.Length - 1;
        for (var i = 0; i < j; i++)
        {
            var vs = Math.Abs(TwoEpochMetrics.Vs(flux[i], error[i], flux[j], error[j]));
            if (!(vs >= minAbsVs)) continue;
            var m = Math.Abs(TwoEpochMetrics.M(flux[i], flux[j]));
            if (!double.IsFinite(m)) continue;
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
