namespace Trap.Formats.Wcs.Projections;

/// <summary>Gnomonic (TAN): R = cot θ. Only the hemisphere θ &gt; 0 can be projected.</summary>
public sealed class TanProjection : ZenithalProjection
{
    public override string Code => "TAN";

    protected override bool TryThetaFromRadius(double r, out double theta)
    {
        theta = Math.Atan2(1, r);
        return true;
    }

    protected override bool TryRadiusFromTheta(double theta, out double r)
    {
        var (sinTheta, cosTheta) = Math.SinCos(theta);
        r = sinTheta > 0 ? cosTheta / sinTheta : double.NaN;
        return sinTheta > 0;
    }
}
