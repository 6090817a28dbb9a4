namespace Trap.Formats.Wcs.Projections;

/// <summary>Hammer-Aitoff (AIT), an all-sky projection with the reference point at (φ0, θ0) = (0, 0).
/// Plane points outside its ellipse (Z² &lt; ½) have no sky position.</summary>
public sealed class AitProjection : IProjection
{
    public string Code => "AIT";

    public double Theta0 => 0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var z2 = 1 - x * x / 16 - y * y / 4;
        if (z2 < 0.5 - ProjectionMath.Tolerance) return ProjectionMath.Fail(out phi, out theta);
        z2 = Math.Max(z2, 0.5);
        var z = Math.Sqrt(z2);
        var sinTheta = y * z;
        if (Math.Abs(sinTheta) > 1 + ProjectionMath.Tolerance) return ProjectionMath.Fail(out phi, out theta);
        phi = 2 * Math.Atan2(z * x / 2, 2 * z2 - 1);
        theta = Math.Asin(Math.Clamp(sinTheta, -1, 1));
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        var (sinTheta, cosTheta) = Math.SinCos(theta);
        var (sinHalfPhi, cosHalfPhi) = Math.SinCos(phi / 2);
        var gamma = Math.Sqrt(2 / (1 + cosTheta * cosHalfPhi));
        x = 2 * gamma * cosTheta * sinHalfPhi;
        y = gamma * sinTheta;
        return true;
    }
}
