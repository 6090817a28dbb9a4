namespace Trap.Formats.Wcs.Projections;

/// <summary>Zenithal equidistant (ARC): R = π/2 − θ. Radii beyond π have no sky position.</summary>
public sealed class ArcProjection : ZenithalProjection
{
    public override string Code => "ARC";

    protected override bool TryThetaFromRadius(double r, out double theta)
    {
        if (r > Math.PI + ProjectionMath.Tolerance)
        {
            theta = double.NaN;
            return false;
        }
        theta = Math.Max(ProjectionMath.HalfPi - r, -ProjectionMath.HalfPi);
        return true;
    }

    protected override bool TryRadiusFromTheta(double theta, out double r)
    {
        r = ProjectionMath.HalfPi - theta;
        return true;
    }
}
