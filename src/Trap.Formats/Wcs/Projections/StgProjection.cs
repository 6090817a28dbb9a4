namespace Trap.Formats.Wcs.Projections;

/// <summary>Stereographic (STG): R = 2 tan((π/2 − θ)/2). Every plane point is on the sky; the
/// antipode of the reference point (θ = −π/2) goes to infinity.</summary>
public sealed class StgProjection : ZenithalProjection
{
    public override string Code => "STG";

    protected override bool TryThetaFromRadius(double r, out double theta)
    {
        theta = ProjectionMath.HalfPi - 2 * Math.Atan(r / 2);
        return true;
    }

    protected override bool TryRadiusFromTheta(double theta, out double r)
    {
        var (sinTheta, cosTheta) = Math.SinCos(theta);
        var denominator = 1 + sinTheta;
        // 2 cos θ / (1 + sin θ) equals 2 tan((π/2 − θ)/2) without subtracting near θ = π/2.
        r = denominator > 0 ? 2 * cosTheta / denominator : double.NaN;
        return denominator > 0;
    }
}
