namespace Trap.Formats.Wcs.Projections;

/// <summary>Zenithal equal-area (ZEA): R = 2 sin((π/2 − θ)/2). Radii beyond 2 have no sky position.</summary>
public sealed class ZeaProjection : ZenithalProjection
{
    public override string Code => "ZEA";

    protected override bool TryThetaFromRadius(double r, out double theta)
    {
        var s = r / 2;
        if (s > 1 + ProjectionMath.Tolerance)
        {
            theta = double.NaN;
            return false;
        }
        theta = ProjectionMath.HalfPi - 2 * Math.Asin(Math.Min(s, 1));
        return true;
    }

    protected override bool TryRadiusFromTheta(double theta, out double r)
    {
        r = 2 * Math.Sin((ProjectionMath.HalfPi - theta) / 2);
        return true;
    }
}
