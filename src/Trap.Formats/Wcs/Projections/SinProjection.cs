namespace Trap.Formats.Wcs.Projections;

/// <summary>
/// Slant orthographic (SIN) with ξ = PV2_1 and η = PV2_2; ξ = η = 0 is the ordinary orthographic
/// projection of radio images, and NCP is ξ = 0, η = cot δ0. Projection:
/// x = cos θ sin φ + ξ(1 − sin θ), y = −cos θ cos φ + η(1 − sin θ).
/// Only the hemisphere facing the viewer is projected; plane points outside its outline (R &gt; 1 for
/// plain SIN) have no sky position.
/// </summary>
public sealed class SinProjection : IProjection
{
    public SinProjection(double xi = 0, double eta = 0)
    {
        if (!double.IsFinite(xi) || !double.IsFinite(eta))
        {
            throw new ArgumentException($"SIN projection parameters must be finite (got ξ = {xi}, η = {eta}).");
        }
        Xi = xi;
        Eta = eta;
    }

    public string Code => "SIN";

    public double Theta0 => ProjectionMath.HalfPi;

    /// <summary>ξ (PV2_1).</summary>
    public double Xi { get; }

    /// <summary>η (PV2_2).</summary>
    public double Eta { get; }

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        // Solve a·t² − 2(a + b)·t + R² = 0 for t = 1 − sin θ. The small root is the solution nearest the
        // native pole, and written as R² / ((a + b) + √disc) it keeps full precision for θ near π/2
        // (where every pixel of a narrow-field image lies), unlike asin of the root in sin θ.
        var r2 = x * x + y * y;
        if (r2 == 0)
        {
            phi = 0;
            theta = ProjectionMath.HalfPi;
            return true;
        }
        var a = 1 + Xi * Xi + Eta * Eta;
        var b = Xi * (x - Xi) + Eta * (y - Eta);
        var disc = (a + b) * (a + b) - a * r2;
        if (disc < -ProjectionMath.Tolerance) return ProjectionMath.Fail(out phi, out theta);
        var denominator = a + b + Math.Sqrt(Math.Max(disc, 0));
        if (denominator <= 0) return ProjectionMath.Fail(out phi, out theta);
        var t = r2 / denominator;
        if (t > 2 + ProjectionMath.Tolerance) return ProjectionMath.Fail(out phi, out theta);
        t = Math.Min(t, 2);
        // (p, q) = (cos θ sin φ, −cos θ cos φ).
        var p = x - Xi * t;
        var q = y - Eta * t;
        var cosTheta = Math.Sqrt(p * p + q * q);
        theta = Math.Atan2(1 - t, cosTheta);
        phi = cosTheta == 0 ? 0 : Math.Atan2(p, -q);
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        var (sinTheta, cosTheta) = Math.SinCos(theta);
        var (sinPhi, cosPhi) = Math.SinCos(phi);
        // The point is visible when its unit vector has a non-negative component along the viewing
        // direction (ξ, η, 1); for plain SIN that is θ ≥ 0.
        if (sinTheta + cosTheta * (Xi * sinPhi - Eta * cosPhi) < -ProjectionMath.Tolerance)
        {
            return ProjectionMath.Fail(out x, out y);
        }
        // 1 − sin θ without cancellation near the pole.
        var t = sinTheta > 0 ? cosTheta * cosTheta / (1 + sinTheta) : 1 - sinTheta;
        x = cosTheta * sinPhi + Xi * t;
        y = -cosTheta * cosPhi + Eta * t;
        return true;
    }
}
