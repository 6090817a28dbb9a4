namespace Trap.Science.Variability;

/// <summary>
/// The scatter of one source's blind positions in one band about their weighted mean, against the fits' position
/// errors (docs/science.md §8.1, "Position variability"): χ² = Σ_axes Σ w(x − x̄)², w = 1/σ², on each tangent-plane
/// axis, with 2(N − 1) degrees of freedom — for positions what η is for flux — and where the positions move to as the
/// flux changes (<see cref="Target"/>). Held as sums, so an update costs O(1) and the values depend only on the points,
/// not on the batches they came in.
/// </summary>
public struct PositionScatter
{
    private Axis _xi;
    private Axis _eta;
    private double _sumFlux;
    private double _sumFluxSquare;

    /// <summary>Blind positions counted (those with positive, finite errors).</summary>
    public int Points { get; private set; }

    /// <summary>Adds a position: offsets from the source's reference point and their errors, on the sky, arcsec, with the
    /// detection's flux. A position without positive, finite errors cannot be weighed and is not counted.</summary>
    public void Add(double xiArcsec, double etaArcsec, double xiErrArcsec, double etaErrArcsec, double flux) =>
        Add(xiArcsec, etaArcsec, xiErrArcsec, etaErrArcsec, flux, ImageOffset.None);

    /// <summary>
    /// Adds a position less its image's common offset (docs/science.md §8.4, "Common offsets"): the χ² and the target
    /// use the corrected offset, its error widened by the estimate's; the target is given back in the frame of the
    /// uncorrected positions (the catalogue's) by the weighted mean of the offsets subtracted.
    /// </summary>
    public void Add(double xiArcsec, double etaArcsec, double xiErrArcsec, double etaErrArcsec, double flux, ImageOffset offset)
    {
        if (!(xiErrArcsec > 0 && etaErrArcsec > 0 && double.IsFinite(xiErrArcsec) && double.IsFinite(etaErrArcsec)
              && double.IsFinite(xiArcsec) && double.IsFinite(etaArcsec) && double.IsFinite(flux))) return;
        _xi.Add(xiArcsec - offset.XiArcsec, Widened(xiErrArcsec, offset.XiVariance), flux, offset.XiArcsec);
        _eta.Add(etaArcsec - offset.EtaArcsec, Widened(etaErrArcsec, offset.EtaVariance), flux, offset.EtaArcsec);
        _sumFlux += flux;
        _sumFluxSquare += flux * flux;
        Points++;
    }

    // Without an estimate the error is kept as given, bit for bit.
    private static double Widened(double error, double variance) => variance == 0 ? error : Math.Sqrt(error * error + variance);

    /// <summary>The weighted mean of the (corrected) positions and its error on each axis, arcsec; null before the first point.</summary>
    public readonly (double Xi, double XiErr, double Eta, double EtaErr)? Mean =>
        Points == 0 ? null : (_xi.Mean, _xi.MeanError, _eta.Mean, _eta.MeanError);

    /// <summary>
    /// Where the positions move as the flux changes (offsets from the reference point, arcsec), or null with fewer than
    /// three points or a constant flux. A steady source S at p_S blended with a component of flux T_i at p_T is fitted at
    /// about (S·p_S + T_i·p_T)/(S + T_i) with flux F_i ≈ S + T_i, so F_i·p_i = S·(p_S − p_T) + F_i·p_T: the least-squares
    /// slope of F·p on F is the position of the changing component (docs/science.md §8.4, "Position shifts").
    /// </summary>
    public readonly (double XiArcsec, double EtaArcsec)? Target
    {
        get
        {
            var spread = Points * _sumFluxSquare - _sumFlux * _sumFlux;
            if (Points < 3 || !(spread > 0)) return null;
            return (_xi.Slope(Points, _sumFlux, spread) + _xi.MeanOffset, _eta.Slope(Points, _sumFlux, spread) + _eta.MeanOffset);
        }
    }

    /// <summary>Degrees of freedom: two axes, each less its weighted mean.</summary>
    public readonly int Dof => Points <= 1 ? 0 : 2 * (Points - 1);

    public readonly double ChiSquare => Points <= 1 ? 0.0 : _xi.ChiSquare + _eta.ChiSquare;

    /// <summary>χ²/dof: ≈ 1 for a source that does not move, with calibrated errors; 0 for fewer than two points.</summary>
    public readonly double Reduced => Dof == 0 ? 0.0 : ChiSquare / Dof;

    /// <summary>How significantly the positions move, as a Gaussian σ (<see cref="VariabilityIndices.ChiSquareSigma"/>).</summary>
    public static double Sigma(int points, double reduced) =>
        points <= 1 ? 0.0 : VariabilityIndices.ChiSquareSigma(reduced * 2 * (points - 1), 2 * (points - 1));

    private struct Axis
    {
        private double _sumWeight;
        private double _sumWeighted;
        private double _sumWeightedSquare;
        private double _sumFluxTimes;
        private double _sumFluxSquareTimes;
        private double _sumWeightedOffset;

        public void Add(double x, double error, double flux, double offset)
        {
            var w = 1.0 / (error * error);
            _sumWeight += w;
            _sumWeighted += w * x;
            _sumWeightedSquare += w * x * x;
            _sumFluxTimes += flux * x;
            _sumFluxSquareTimes += flux * flux * x;
            _sumWeightedOffset += w * offset;
        }

        public readonly double Mean => _sumWeighted / _sumWeight;

        public readonly double MeanError => 1.0 / Math.Sqrt(_sumWeight);

        /// <summary>The weighted mean of the common offsets subtracted: the corrected frame's shift from the uncorrected one.</summary>
        public readonly double MeanOffset => _sumWeightedOffset / _sumWeight;

        /// <summary>The slope of F·x on F: (N·ΣF²x − ΣF·ΣFx) / (N·ΣF² − (ΣF)²).</summary>
        public readonly double Slope(int n, double sumFlux, double spread) => (n * _sumFluxSquareTimes - sumFlux * _sumFluxTimes) / spread;

        // Offsets are arcseconds from the source's first position, so the difference loses little to rounding.
        public readonly double ChiSquare => Math.Max(0.0, _sumWeightedSquare - _sumWeighted * _sumWeighted / _sumWeight);
    }
}
