namespace Trap.Formats.Wcs.Projections;

/// <summary>
/// The zenithal projections whose radius depends only on θ (TAN, ARC, STG, ZEA): R = √(x² + y²),
/// φ = atan2(x, −y), and conversely x = R sin φ, y = −R cos φ. The reference point is the native pole.
/// </summary>
public abstract class ZenithalProjection : IProjection
{
    public abstract string Code { get; }

    public double Theta0 => ProjectionMath.HalfPi;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var r = Math.Sqrt(x * x + y * y);
        if (!TryThetaFromRadius(r, out theta)) return ProjectionMath.Fail(out phi, out theta);
        // At the pole φ is arbitrary; wcslib uses 0.
        phi = r == 0 ? 0 : Math.Atan2(x, -y);
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        if (!TryRadiusFromTheta(theta, out var r)) return ProjectionMath.Fail(out x, out y);
        var (sinPhi, cosPhi) = Math.SinCos(phi);
        x = r * sinPhi;
        y = -r * cosPhi;
        return true;
    }

    /// <summary>θ from the radius R (radians); false outside the projection's domain.</summary>
    protected abstract bool TryThetaFromRadius(double r, out double theta);

    /// <summary>R (radians) from θ; false where the projection diverges.</summary>
    protected abstract bool TryRadiusFromTheta(double theta, out double r);
}
