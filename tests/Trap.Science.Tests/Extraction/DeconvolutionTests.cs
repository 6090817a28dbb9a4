using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

public class DeconvolutionTests
{
    /// <summary>Convolves two Gaussians (FWHM, PA deg) by adding their second-moment matrices.</summary>
    private static (double Major, double Minor, double Pa) Convolve(double a1, double b1, double pa1, double a2, double b2, double pa2)
    {
        static (double xx, double yy, double xy) Cov(double a, double b, double paDeg)
        {
            var t = paDeg * Math.PI / 180;
            double c = Math.Cos(t), s = Math.Sin(t);
            return (a * a * c * c + b * b * s * s, a * a * s * s + b * b * c * c, (a * a - b * b) * c * s);
        }
        var (xx1, yy1, xy1) = Cov(a1, b1, pa1);
        var (xx2, yy2, xy2) = Cov(a2, b2, pa2);
        double xx = xx1 + xx2, yy = yy1 + yy2, xy = xy1 + xy2;
        var mean = (xx + yy) / 2;
        var half = Math.Sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
        var pa = 0.5 * Math.Atan2(2 * xy, xx - yy) * 180 / Math.PI;
        return (Math.Sqrt(mean + half), Math.Sqrt(mean - half), ((pa % 180) + 180) % 180);
    }

    [Theory]
    [InlineData(6.0, 3.0, 30.0, 4.0, 3.0, 100.0)]
    [InlineData(5.0, 1.0, 170.0, 3.0, 3.0, 0.0)]
    [InlineData(8.0, 7.0, 45.0, 5.0, 2.0, 60.0)]
    public void RecoversTheSourceFromItsConvolutionWithTheBeam(double a, double b, double pa, double ca, double cb, double cpa)
    {
        var (fa, fb, fpa) = Convolve(a, b, pa, ca, cb, cpa);
        var dc = Deconvolution.Deconvolve(fa, fb, fpa, ca, cb, cpa);
        Assert.Equal(0, dc.Failures);
        Assert.Equal(a, dc.Major, 6);
        Assert.Equal(b, dc.Minor, 6);
        Assert.Equal(0, Math.Sin((dc.PaDeg - pa) * Math.PI / 180), 6);
        Assert.InRange(dc.PaDeg, 0, 180);
    }

    [Fact]
    public void ASourceSmallerThanTheBeamFailsOnBothAxes()
    {
        var dc = Deconvolution.Deconvolve(2.5, 2.0, 0, 3, 3, 0);
        Assert.Equal(2, dc.Failures);
        Assert.Equal(0, dc.Major);
        Assert.Equal(0, dc.PaDeg);
    }

    [Fact]
    public void ErrorsComeFromPerturbedFits()
    {
        var (value, majErr, minErr, _) = Deconvolution.WithErrors(5, 5, 0, 0.1, 0.1, 1, 3, 3, 0);
        Assert.Equal(4, value.Major, 9);
        // d(√(f² − c²))/df = f/√(f² − c²) = 1.25 to first order.
        Assert.InRange(majErr, 0.12, 0.13);
        Assert.InRange(minErr, 0.12, 0.13);
    }
}
