using Trap.Images.Accessors;

namespace Trap.Images.Tests;

public class PixelScaleAndStokesTests
{
    [Fact]
    public void AbsoluteCdeltForFlippedAartfaacAxes()
    {
        var (dx, dy) = PixelScaleParser.Parse(TestHeaders.Real("derived/aartfaac_casacore_header.hdr"), "a.hdr");
        Assert.Equal(0.1121407099276, dx);
        Assert.Equal(0.1121407099276, dy);
    }

    [Fact]
    public void CdMatrixColumnsWhenThereIsNoCdelt()
    {
        var (dx, dy) = PixelScaleParser.Parse(TestHeaders.Real("aegean-wcs/1904-66_SIN.lb.fits"), "lb.fits");
        Assert.Equal(6.965994834900E-02, dx, 15);
        Assert.Equal(6.965994834900E-02, dy, 15);
    }

    [Fact]
    public void RotatedCdMatrixKeepsThePixelSize()
    {
        var s = 0.002;
        var a = 30 * Math.PI / 180;
        var header = TestHeaders.Build(("CD1_1", -s * Math.Cos(a)), ("CD1_2", s * Math.Sin(a)), ("CD2_1", s * Math.Sin(a)), ("CD2_2", s * Math.Cos(a)));
        var (dx, dy) = PixelScaleParser.Parse(header, "x.fits");
        Assert.Equal(s, dx, 12);
        Assert.Equal(s, dy, 12);
    }

    [Fact]
    public void RadiansAreConverted()
    {
        var header = TestHeaders.Build(("CDELT1", -1e-5), ("CUNIT1", "rad"), ("CDELT2", 1e-5), ("CUNIT2", "rad"));
        Assert.Equal(1e-5 * 180 / Math.PI, PixelScaleParser.Parse(header, "x.fits").Dx, 15);
    }

    [Fact]
    public void NonSquarePixelsAreAClearError()
    {
        var header = TestHeaders.Build(("CDELT1", -0.001), ("CDELT2", 0.0011));
        var error = Assert.Throws<ImageFormatException>(() => PixelScaleParser.Parse(header, "x.fits"));
        Assert.Contains("not square", error.Message);
    }

    [Fact]
    public void PixelsEqualWithinTheToleranceAreAccepted()
    {
        var header = TestHeaders.Build(("CDELT1", -0.001), ("CDELT2", 0.001 + 0.5e-7));
        Assert.Equal(0.001, PixelScaleParser.Parse(header, "x.fits").Dx);
    }

    [Fact]
    public void MissingPixelSizeIsAClearError() =>
        Assert.Contains("CDELT1", Assert.Throws<ImageFormatException>(() => PixelScaleParser.Parse(TestHeaders.Build(), "x.fits")).Message);

    [Theory]
    [InlineData(1.0, "I")]
    [InlineData(4.0, "V")]
    [InlineData(-5.0, "XX")]
    [InlineData(-2.0, "LL")]
    public void StokesCodeOfPlaneZero(double code, string expected)
    {
        var header = TestHeaders.Build(("CTYPE4", "STOKES"), ("CRVAL4", code), ("CDELT4", 1.0), ("CRPIX4", 1.0));
        Assert.Equal(expected, StokesParser.Parse(header, "x.fits"));
    }

    [Fact]
    public void StokesFromReferencePixelOffset()
    {
        // Pixel 1 holds CRVAL + CDELT·(1 − CRPIX) = 1 + (−1)(1 − 2) = 2, i.e. Q.
        var header = TestHeaders.Build(("CTYPE3", "STOKES"), ("CRVAL3", 1.0), ("CDELT3", -1.0), ("CRPIX3", 2.0));
        Assert.Equal("Q", StokesParser.Parse(header, "x.fits"));
    }

    [Fact]
    public void NoStokesAxisMeansTotalIntensity() => Assert.Equal("I", StokesParser.Parse(TestHeaders.Build(), "x.fits"));

    [Fact]
    public void InvalidStokesCodeIsAClearError()
    {
        var header = TestHeaders.Build(("CTYPE3", "STOKES"), ("CRVAL3", 9.0));
        Assert.Contains("Stokes", Assert.Throws<ImageFormatException>(() => StokesParser.Parse(header, "x.fits")).Message);
    }
}
