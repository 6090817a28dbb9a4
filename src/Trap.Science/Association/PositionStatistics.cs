namespace Trap.Science.Association;

/// <summary>
/// Running weighted-mean position of a catalogue source (TraP runningcatalog, docs/science.md §5.4).
/// TraP averages RA and Dec linearly: wm = Σwα/Σw, which breaks at RA 0/360 (hence its +180°
/// trick) and near the poles, where RA turns fast. We average instead in the tangent plane of a
/// fixed reference point (the source's first position): wm = deproject(Σw_α ξ/Σw_α, Σw_δ η/Σw_δ).
/// For arcsecond offsets this equals TraP's Σwα/Σw to second order in the offsets (micro-arcsec),
/// is exact across RA 0/360 and at the poles, and does not depend on the order of the points.
/// Weights are w_α = 1/σ_ew², w_δ = 1/σ_ns² (on-sky uncertainties), wm_uncertainty = 1/sqrt(Σw).
/// </summary>
public sealed class PositionStatistics
{
    private readonly TangentFrame _reference;
    private double _sumWeightEw;
    private double _sumWeightNs;
    private double _sumWeightedXi;
    private double _sumWeightedEta;
    private double _sumRaErr;
    private double _sumDecErr;
    private int _positionPoints;

    private PositionStatistics(TangentFrame reference) => _reference = reference;

    /// <summary>Blind detections, plus monitor fits, which TraP counts without moving the position.</summary>
    public int Datapoints { get; private set; }

    public SkyVector Position { get; private set; }
    public double RaDeg { get; private set; }
    public double DecDeg { get; private set; }
    public double UncertaintyEwDeg => 1.0 / Math.Sqrt(_sumWeightEw);
    public double UncertaintyNsDeg => 1.0 / Math.Sqrt(_sumWeightNs);

    /// <summary>Plain mean of the measurements' coordinate RA errors (avg_ra_err), degrees.</summary>
    public double AverageRaErrDeg => _sumRaErr / _positionPoints;

    /// <summary>Plain mean of the measurements' Dec errors (avg_decl_err), degrees.</summary>
    public double AverageDecErrDeg => _sumDecErr / _positionPoints;

    public static PositionStatistics Start(SourceMeasurement first)
    {
        var stats = new PositionStatistics(new TangentFrame(first.RaDeg, first.DecDeg));
        stats.Add(first);
        return stats;
    }

    public PositionStatistics Clone() => (PositionStatistics)MemberwiseClone();

    /// <summary>Adds a blind detection (moves the mean).</summary>
    public void Add(SourceMeasurement m)
    {
        var wEw = 1.0 / (m.Errors.UncertaintyEwDeg * m.Errors.UncertaintyEwDeg);
        var wNs = 1.0 / (m.Errors.UncertaintyNsDeg * m.Errors.UncertaintyNsDeg);
        var (xi, eta) = _reference.Project(SkyVector.FromRaDec(m.RaDeg, m.DecDeg));
        _sumWeightEw += wEw;
        _sumWeightNs += wNs;
        _sumWeightedXi += wEw * xi;
        _sumWeightedEta += wNs * eta;
        _sumRaErr += m.Errors.RaErrDeg;
        _sumDecErr += m.Errors.DecErrDeg;
        _positionPoints++;
        Datapoints++;
        if (_positionPoints == 1)
        {
            // The first position is kept exactly as measured (no round trip through the frame).
            RaDeg = NormalizeRa(m.RaDeg);
            DecDeg = m.DecDeg;
            Position = _reference.Centre;
            return;
        }
        Position = _reference.Deproject(_sumWeightedXi / _sumWeightEw, _sumWeightedEta / _sumWeightNs);
        RaDeg = Position.RaDeg;
        DecDeg = Position.DecDeg;
    }

    /// <summary>
    /// A blind detection's offset (ξ, η) from this source's reference point (its first position) in the tangent plane
    /// and its fit errors on the sky, arcsec: the input of the band's position scatter (docs/science.md §8.1).
    /// </summary>
    public (double Xi, double Eta, double XiErr, double EtaErr) OffsetArcsec(SourceMeasurement m) =>
        OffsetArcsec(_reference, m.RaDeg, m.DecDeg, m.Errors.RaFitErrDeg, m.Errors.DecFitErrDeg);

    /// <summary>The sky position at offsets (ξ, η) in arcsec from this source's reference point.</summary>
    public SkyVector AtOffsetArcsec(double xiArcsec, double etaArcsec) => _reference.Deproject(xiArcsec / 3600.0, etaArcsec / 3600.0);

    /// <summary>A position's offset from <paramref name="reference"/> and its fit errors (RA's a coordinate error) on the sky, arcsec.</summary>
    public static (double Xi, double Eta, double XiErr, double EtaErr) OffsetArcsec(TangentFrame reference, double raDeg, double decDeg,
        double raFitErrDeg, double decFitErrDeg)
    {
        var (xi, eta) = reference.Project(SkyVector.FromRaDec(raDeg, decDeg));
        var cosDec = Math.Cos(decDeg * Math.PI / 180.0);
        return (xi * 3600.0, eta * 3600.0, raFitErrDeg * cosDec * 3600.0, decFitErrDeg * 3600.0);
    }

    /// <summary>A monitor fit: counted (datapoints + 1) but the position is kept (docs/science.md §7.4).</summary>
    public void CountWithoutMoving() => Datapoints++;

    private static double NormalizeRa(double ra)
    {
        var r = ra % 360.0;
        return r < 0 ? r + 360.0 : r;
    }
}
