namespace Trap.Simulation.Sky;

/// <summary>A J2000 sky position in degrees (RA in [0, 360)).</summary>
public readonly record struct SkyPosition(double RaDeg, double DecDeg)
{
    /// <summary>Great-circle separation in degrees (haversine form: accurate at small separations).</summary>
    public double SeparationDeg(SkyPosition other)
    {
        const double rad = Math.PI / 180.0;
        var sinDDec = Math.Sin(0.5 * (other.DecDeg - DecDeg) * rad);
        var sinDRa = Math.Sin(0.5 * (other.RaDeg - RaDeg) * rad);
        var h = sinDDec * sinDDec + Math.Cos(DecDeg * rad) * Math.Cos(other.DecDeg * rad) * sinDRa * sinDRa;
        return 2.0 * Math.Asin(Math.Min(1.0, Math.Sqrt(h))) / rad;
    }
}
