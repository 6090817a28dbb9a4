using Trap.Science.Association;

namespace Trap.Science.Tests.Association;

public class DeRuiterTests
{
    private const double S = 10.0 / 3600.0; // 10″ on-sky uncertainty, degrees

    /// <summary>Two points placed symmetrically about a tangent point, offset (ξ, η) arcsec apart.</summary>
    private static (SkyVector Cat, SkyVector X) Pair(double xiArcsec, double etaArcsec)
    {
        var frame = new TangentFrame(10.0, 30.0);
        return (frame.Deproject(-xiArcsec / 7200, -etaArcsec / 7200), frame.Deproject(xiArcsec / 7200, etaArcsec / 7200));
    }

    [Fact]
    public void HandComputedRadii()
    {
        // 10″ north, σ_ns = 10″ on both sides: R = 10/sqrt(200).
        var (c1, x1) = Pair(0, 10);
        Assert.Equal(10.0 / Math.Sqrt(200), DeRuiter.Radius(c1, S, S, x1, S, S), 10);
        // 20″ east and 10″ north: R = sqrt(400/200 + 100/200) = sqrt(2.5).
        var (c2, x2) = Pair(20, 10);
        Assert.Equal(Math.Sqrt(2.5), DeRuiter.Radius(c2, S, S, x2, S, S), 10);
        // Different uncertainties per axis: σ_ew 5″ and 5″ → 50 arcsec², σ_ns 10″ and 10″ → 200.
        Assert.Equal(Math.Sqrt(400.0 / 50 + 100.0 / 200), DeRuiter.Radius(c2, S / 2, S, x2, S / 2, S), 10);
        // Symmetric in its two positions.
        Assert.Equal(DeRuiter.Radius(c2, S, S, x2, S, S), DeRuiter.Radius(x2, S, S, c2, S, S), 12);
    }

    [Fact]
    public void EqualsTrapsFormulaForSmallOffsetsAwayFromTheWrap()
    {
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var ra = 20 + 300 * rng.NextDouble();
            var dec = -70 + 140 * rng.NextDouble();
            var dra = (rng.NextDouble() - 0.5) * 60 / 3600 / Math.Cos(dec * Math.PI / 180);
            var ddec = (rng.NextDouble() - 0.5) * 60 / 3600;
            var (sr, sx) = (S * (1 + rng.NextDouble()), S * (1 + rng.NextDouble()));
            var meanDec = dec + ddec / 2;
            var trap = Math.Sqrt(Math.Pow(dra * Math.Cos(meanDec * Math.PI / 180), 2) / (sr * sr + sx * sx) + ddec * ddec / (sr * sr + sx * sx));
            var ours = DeRuiter.Radius(SkyVector.FromRaDec(ra, dec), sr, sr, SkyVector.FromRaDec(ra + dra, dec + ddec), sx, sx);
            Assert.Equal(trap, ours, 5);
        }
    }

    [Fact]
    public void IsSmallAcrossRaZeroWhereRawRaDifferencesAreNot()
    {
        var r = DeRuiter.Radius(SkyVector.FromRaDec(359.9995, 5.0), S, S, SkyVector.FromRaDec(0.0005, 5.0), S, S);
        // 0.001° of RA at Dec 5 = 3.586″ → R = 3.586/sqrt(200).
        Assert.Equal(0.001 * 3600 * Math.Cos(5 * Math.PI / 180) / Math.Sqrt(200), r, 6);
    }
}
