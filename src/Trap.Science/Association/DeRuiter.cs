namespace Trap.Science.Association;

/// <summary>The dimensionless De Ruiter radius between a catalogue source and a measurement (trap-facts §5.2).</summary>
public static class DeRuiter
{
    /// <summary>
    /// R = sqrt( ξ²/(σew,r² + σew,x²) + η²/(σns,r² + σns,x²) ), with (ξ, η) the east/north offsets of
    /// the measurement in the tangent plane at the catalogue position. TraP writes the offsets as
    /// (Δα·cos δ̄, Δδ); the two agree to second order in the separation, but the tangent-plane
    /// offsets stay right across RA 0/360 and near the poles, where raw RA differences do not.
    /// All σ are on-sky uncertainties in degrees.
    /// </summary>
    public static double Radius(TangentFrame catalogueFrame, double catEwDeg, double catNsDeg, SkyVector measurement, double xEwDeg, double xNsDeg)
    {
        var (xi, eta) = catalogueFrame.Project(measurement);
        return Math.Sqrt(xi * xi / (catEwDeg * catEwDeg + xEwDeg * xEwDeg) + eta * eta / (catNsDeg * catNsDeg + xNsDeg * xNsDeg));
    }
}
