using Trap.Images;

namespace Trap.Simulation.Rendering;

/// <summary>
/// An elliptical Gaussian in pixel coordinates, held as its covariance matrix (px²) so that
/// convolution is a sum. Axes follow TraP (docs/science.md §4.1): semi-axes are half widths at half
/// maximum, the position angle θ runs from +y towards −x (north through east on a normal sky image),
/// so the major axis points along (−sin θ, cos θ).
/// </summary>
public readonly record struct GaussianShape(double Sxx, double Sxy, double Syy)
{
    /// <summary>FWHM / σ of a Gaussian: 2·sqrt(2 ln 2).</summary>
    public const double FwhmPerSigma = 2.3548200450309493;

    /// <summary>From TraP's beam tuple: semi-axes (HWHM) in pixels and θ in radians.</summary>
    public static GaussianShape FromSemiAxes(double semiMajorPx, double semiMinorPx, double thetaRad)
    {
        var major = 2.0 * semiMajorPx / FwhmPerSigma;
        var minor = 2.0 * semiMinorPx / FwhmPerSigma;
        var (sin, cos) = Math.SinCos(thetaRad);
        var a2 = major * major;
        var b2 = minor * minor;
        return new GaussianShape(
            a2 * sin * sin + b2 * cos * cos,
            -(a2 - b2) * sin * cos,
            a2 * cos * cos + b2 * sin * sin);
    }

    /// <summary>The restoring beam of a header, in pixels of the given size (degrees, square pixels).</summary>
    public static GaussianShape FromBeam(RestoringBeam beam, double pixelSizeDeg)
    {
        var px = beam.ToPixels(pixelSizeDeg, pixelSizeDeg);
        return FromSemiAxes(px.SemiMajorPx, px.SemiMinorPx, px.PositionAngleRad);
    }

    /// <summary>The Gaussian whose profile is this one convolved with <paramref name="other"/>.</summary>
    public GaussianShape Convolve(GaussianShape other) => new(Sxx + other.Sxx, Sxy + other.Sxy, Syy + other.Syy);

    public double Determinant => Sxx * Syy - Sxy * Sxy;

    /// <summary>∫∫ exp(−½ dᵀΣ⁻¹d) over the plane, in px²: the area of a unit-peak Gaussian (2π·σmaj·σmin).</summary>
    public double Area => 2.0 * Math.PI * Math.Sqrt(Determinant);

    /// <summary>The shape back as TraP's (semi-major px, semi-minor px, θ rad), θ in [0, π).</summary>
    public BeamInPixels ToSemiAxes()
    {
        var mean = 0.5 * (Sxx + Syy);
        var spread = Math.Sqrt(0.25 * (Sxx - Syy) * (Sxx - Syy) + Sxy * Sxy);
        var majorSigma = Math.Sqrt(mean + spread);
        var minorSigma = Math.Sqrt(Math.Max(mean - spread, 0.0));
        // The major axis lies at φ from +x; θ is measured from +y, so θ = φ − π/2.
        var phi = 0.5 * Math.Atan2(2.0 * Sxy, Sxx - Syy);
        var theta = phi - 0.5 * Math.PI;
        theta -= Math.PI * Math.Floor(theta / Math.PI);
        return new BeamInPixels(majorSigma * FwhmPerSigma / 2.0, minorSigma * FwhmPerSigma / 2.0, theta);
    }

    /// <summary>The quadratic form dᵀΣ⁻¹d for an offset (dx, dy) in pixels.</summary>
    public double Mahalanobis2(double dx, double dy)
    {
        var det = Determinant;
        return (Syy * dx * dx - 2.0 * Sxy * dx * dy + Sxx * dy * dy) / det;
    }
}
