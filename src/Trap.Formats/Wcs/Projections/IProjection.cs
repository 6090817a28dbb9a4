namespace Trap.Formats.Wcs.Projections;

/// <summary>
/// One FITS WCS projection (Calabretta &amp; Greisen 2002) between the projection plane and native
/// spherical coordinates. Everything is in radians with R0 = 1: the plane coordinates are the
/// intermediate world coordinates divided by 180/π.
/// </summary>
public interface IProjection
{
    /// <summary>The three-letter code as used in the WCS (e.g. "SIN").</summary>
    string Code { get; }

    /// <summary>Native latitude θ0 of the reference point: π/2 for zenithal projections, 0 otherwise.</summary>
    double Theta0 { get; }

    /// <summary>Plane (x, y) → native (φ, θ). False when the point has no sky position (off the projection's boundary).</summary>
    bool TryDeproject(double x, double y, out double phi, out double theta);

    /// <summary>Native (φ, θ) → plane (x, y). False when the projection cannot represent the point (e.g. SIN's far hemisphere).</summary>
    bool TryProject(double phi, double theta, out double x, out double y);
}
