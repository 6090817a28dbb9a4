namespace Trap.Images;

/// <summary>
/// The restoring (clean) beam as written in headers: full widths at half maximum in degrees and the
/// position angle in degrees, north through east.
/// </summary>
public sealed record RestoringBeam(double MajorFwhmDeg, double MinorFwhmDeg, double PositionAngleDeg)
{
    /// <summary>
    /// The beam as TraP uses it: semi-axes (half widths at half maximum) in pixels and the position
    /// angle in radians (docs/science.md §4.1). dx and dy are the pixel sizes in degrees (signs ignored).
    /// </summary>
    public BeamInPixels ToPixels(double dxDeg, double dyDeg)
    {
        var dx = Math.Abs(dxDeg);
        var dy = Math.Abs(dyDeg);
        var pa = PositionAngleDeg * Math.PI / 180.0;
        var sin2 = Math.Sin(pa) * Math.Sin(pa);
        var cos2 = Math.Cos(pa) * Math.Cos(pa);
        var smaj = MajorFwhmDeg / 2.0 * Math.Sqrt(sin2 / (dx * dx) + cos2 / (dy * dy));
        var smin = MinorFwhmDeg / 2.0 * Math.Sqrt(cos2 / (dx * dx) + sin2 / (dy * dy));
        return new BeamInPixels(smaj, smin, pa);
    }
}

/// <summary>Beam semi-axes (HWHM) in pixels and position angle in radians, as TraP's accessors give it.</summary>
public readonly record struct BeamInPixels(double SemiMajorPx, double SemiMinorPx, double PositionAngleRad);
