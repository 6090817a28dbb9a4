using Trap.Science.Association;

namespace Trap.Science.Tests.Association;

public class GeometryTests
{
    [Fact]
    public void RaInflationMatchesTheClosedFormAndSaturatesNearThePole()
    {
        // α(1°, 60°) = atan(sin 1° / sqrt(cos 59° cos 61°)), computed by hand: 2.0003... degrees.
        var expected = Math.Atan(Math.Sin(Math.PI / 180) / Math.Sqrt(Math.Cos(59 * Math.PI / 180) * Math.Cos(61 * Math.PI / 180))) * 180 / Math.PI;
        Assert.Equal(expected, SkyVector.RaInflationDeg(1.0, 60.0), 12);
        Assert.InRange(SkyVector.RaInflationDeg(1.0, 60.0), 2.0, 2.01);
        Assert.Equal(0.5, SkyVector.RaInflationDeg(0.5, 0.0), 9);
        Assert.Equal(180.0, SkyVector.RaInflationDeg(0.2, 89.8));
    }

    [Fact]
    public void ChordDistanceGivesArcseconds()
    {
        var a = SkyVector.FromRaDec(359.9999, -20.0);
        var b = SkyVector.FromRaDec(359.9999, -20.0 + 10.0 / 3600.0);
        Assert.Equal(10.0, a.DistanceArcsec(b), 6);
        // Across RA 0: 0.0002° of RA apart at the equator = 0.72″.
        Assert.Equal(0.72, SkyVector.FromRaDec(359.9999, 0).DistanceArcsec(SkyVector.FromRaDec(0.0001, 0)), 6);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(359.99, 10.0)]
    [InlineData(123.0, 89.999)]
    [InlineData(45.0, 90.0)]
    [InlineData(200.0, -89.9999)]
    public void TangentFrameRoundTripsSmallOffsets(double ra, double dec)
    {
        var frame = new TangentFrame(ra, dec);
        var p = frame.Deproject(3.0 / 3600.0, -4.0 / 3600.0);
        Assert.Equal(5.0, frame.Centre.DistanceArcsec(p), 6);
        var (xi, eta) = frame.Project(p);
        Assert.Equal(3.0 / 3600.0, xi, 12);
        Assert.Equal(-4.0 / 3600.0, eta, 12);
    }

    [Fact]
    public void TangentOffsetsPointEastAndNorth()
    {
        var frame = new TangentFrame(10.0, 30.0);
        var (xi, eta) = frame.Project(SkyVector.FromRaDec(10.001, 30.0));
        Assert.True(xi > 0);
        Assert.Equal(0.001 * Math.Cos(30 * Math.PI / 180), xi, 8);
        var (xi2, eta2) = frame.Project(SkyVector.FromRaDec(10.0, 30.001));
        Assert.Equal(0.0, xi2, 12);
        Assert.Equal(0.001, eta2, 9);
        Assert.True(Math.Abs(eta) < 1e-8);
    }

    [Fact]
    public void PositionErrorsFollowTrapInsertFormulas()
    {
        var config = new AssociationConfig();
        var e = PositionErrors.Derive(60.0, raFitErrDeg: 2.0 / 3600, decFitErrDeg: 3.0 / 3600, errorRadiusArcsec: 5.0, config);
        var raSys = SkyVector.RaInflationDeg(10.0 / 3600, 60.0);
        Assert.Equal(Math.Sqrt(Math.Pow(2.0 / 3600, 2) + raSys * raSys), e.RaErrDeg, 15);
        Assert.InRange(raSys * 3600, 19.99, 20.01); // 10″ of sky is 20″ of RA at Dec 60
        Assert.Equal(Math.Sqrt(9 + 100) / 3600, e.DecErrDeg, 15);
        Assert.Equal(Math.Sqrt(100 + 25) / 3600, e.UncertaintyEwDeg, 15);
        Assert.Equal(Math.Sqrt(100 + 25) / 3600, e.UncertaintyNsDeg, 15);
        Assert.Equal(Math.Sqrt(100 + 360.0 * 360) / 3600, PositionErrors.Derive(0, 0, 0, double.PositiveInfinity, config).UncertaintyEwDeg, 15);
    }

    [Fact]
    public void ConfigDefaultsAreTrapTemplateDefaultsAndBadValuesAreNamed()
    {
        var c = new AssociationConfig();
        Assert.Equal((5.68, 3.0, 10.0, 10.0, 10, 1.0, 0.0), (c.DeRuiterRadius, c.BeamwidthsLimit, c.EwSysErrArcsec, c.NsSysErrArcsec, c.Expiration, c.NewSourceSigmaMargin, c.BandwidthMaxHz));
        var ex = Assert.Throws<ArgumentException>(() => (c with { DeRuiterRadius = -1 }).Validate());
        Assert.Contains("DeRuiterRadius", ex.Message);
    }
}

public class TangentFrameFromVectorTests
{
    [Theory]
    [InlineData(10.0, 30.0)]
    [InlineData(359.0, -60.0)]
    public void AgreesWithTheFrameBuiltFromCoordinates(double ra, double dec)
    {
        var p = SkyVector.FromRaDec(ra + 0.01, dec - 0.02);
        var a = new TangentFrame(ra, dec).Project(p);
        var b = new TangentFrame(SkyVector.FromRaDec(ra, dec)).Project(p);
        Assert.Equal(a.XiDeg, b.XiDeg, 12);
        Assert.Equal(a.EtaDeg, b.EtaDeg, 12);
    }
}
