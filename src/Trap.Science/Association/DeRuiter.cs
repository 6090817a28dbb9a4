namespace Trap.Science.Association;

/// <summary>The dimensionless De Ruiter radius between a catalogue source and a measurement (docs/science.md §5.2).</summary>
public static class DeRuiter
{
    /// <summary>
    /// R = sqrt( Δξ²/(σew,r² + σew,x²) + Δη²/(σns,r² + σns,x²) ), with (Δξ, Δη) the east/north offset
    /// between the two positions in the tangent plane at their midpoint. TraP writes the offset as
    /// (Δα·cos δ̄, Δδ) with δ̄ the mean declination; the midpoint tangent plane gives the same to
    /// relative order (separation)², but stays right across RA 0/360 and near the poles, where raw
    /// RA differences do not. All σ are on-sky uncertainties in degrees.
    /// </summary>
    public static double Radius(SkyVector catalogue, double catEwDeg, double catNsDeg, SkyVector measurement, double xEwDeg, double xNsDeg)
    {
        var midpoint = new SkyVector(catalogue.X + measurement.X, catalogue.Y + measurement.Y, catalogue.Z + measurement.Z).Normalized();
        var frame = new TangentFrame(midpoint);
        var (xiR, etaR) = frame.Project(catalogue);
        var (xiX, etaX) = frame.Project(measurement);
        var (dXi, dEta) = (xiX - xiR, etaX - etaR);
        return Math.Sqrt(dXi * dXi / (catEwDeg * catEwDeg + xEwDeg * xEwDeg) + dEta * dEta / (catNsDeg * catNsDeg + xNsDeg * xNsDeg));
    }
}
