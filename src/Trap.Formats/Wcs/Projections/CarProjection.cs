namespace Trap.Formats.Wcs.Projections;

/// <summary>Plate carrée (CAR): φ = x, θ = y, reference point at (0, 0). Plane points beyond
/// |φ| = π or |θ| = π/2 have no (distinct) sky position, as wcslib's bounds check says.</summary>
public sealed class CarProjection : IProjection
{
    public string Code => "CAR";

    public double Theta0 => 0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        if (Math.Abs(x) > Math.PI + ProjectionMath.Tolerance || Math.Abs(y) > ProjectionMath.HalfPi + ProjectionMath.Tolerance)
        {
            return ProjectionMath.Fail(out phi, out theta);
        }
        phi = Math.Clamp(x, -Math.PI, Math.PI);
        theta = Math.Clamp(y, -ProjectionMath.HalfPi, ProjectionMath.HalfPi);
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        x = phi;
        y = theta;
        return true;
    }
}
