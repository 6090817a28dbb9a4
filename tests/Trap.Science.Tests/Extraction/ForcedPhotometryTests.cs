using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Forced;

namespace Trap.Science.Tests.Extraction;

public class ForcedPhotometryTests
{
    private const int N = 200;
    private static readonly BeamShape Beam = new(3, 2, 0.3);
    private static readonly ExtractionConfig Config = new() { Margin = 10, ExtractionRadiusPix = 0 };

    private static ForcedPhotometer Photometer(out float[] pixels)
    {
        pixels = TestImages.Noise(N, N, 0.001, seed: 31);
        TestImages.Add(pixels, N, new GaussianParameters(0.05, 80.3, 120.6, 3, 2, 0.3));
        return new ForcedPhotometer(pixels, N, N, Beam, TestImages.EquatorialPixelToSky, TestImages.EquatorialSkyToPixel, Config);
    }

    [Fact]
    public void MeasuresTheSourceAtItsPositionWithTheBeamShape()
    {
        var photometer = Photometer(out _);
        var (ra, dec) = TestImages.EquatorialSky(80.3, 120.6);
        var fit = photometer.Fit(ra, dec);
        Assert.True(fit.Succeeded, fit.Failure);
        var s = fit.Source!;
        Assert.Equal(ra, s.Ra);
        Assert.Equal(dec, s.Dec);
        Assert.Equal(0.05, s.IntFlux, 3 * s.IntFluxErr);
        // A fit at a held position is unbiased: f_peak is the fitted peak, as f_int (docs/science.md §7.6).
        Assert.Equal(s.IntFlux, s.PeakFlux);
        Assert.Equal(3 * 5, s.SemiMajorArcsec, 1e-4); // the test projection is linear in RA, not conformal
        Assert.Equal(2 * 5, s.SemiMinorArcsec, 1e-4);
        Assert.InRange(s.DetSigma, 40, 60);
        Assert.Equal(1, s.FitType);
    }

    [Fact]
    public void WithTraPsErrorsFPeakIsTheBiasCorrectedPeak()
    {
        var pixels = TestImages.Noise(N, N, 0.001, seed: 31);
        TestImages.Add(pixels, N, new GaussianParameters(0.05, 80.3, 120.6, 3, 2, 0.3));
        var photometer = new ForcedPhotometer(pixels, N, N, Beam, TestImages.EquatorialPixelToSky, TestImages.EquatorialSkyToPixel,
            Config with { ErrorModel = ErrorModel.Condon });
        var (ra, dec) = TestImages.EquatorialSky(80.3, 120.6);
        var s = photometer.Fit(ra, dec).Source!;
        // TraP: f_int is the raw fitted peak, f_peak the bias-corrected one.
        Assert.Equal(s.IntFlux - 0.001 * 0.001 / s.IntFlux, s.PeakFlux, 2e-5);
    }

    [Fact]
    public void AnEmptyPositionGivesAPeakConsistentWithZero()
    {
        var photometer = Photometer(out _);
        var (ra, dec) = TestImages.EquatorialSky(140, 60);
        var s = photometer.Fit(ra, dec).Source!;
        Assert.InRange(s.IntFlux, -3 * s.IntFluxErr, 3 * s.IntFluxErr);
        // White noise: the least-squares peak has σ = noise / sqrt(Σ beam²) = noise / sqrt(π·smaj·smin / (2 ln 2)).
        var expected = 0.001 / Math.Sqrt(Math.PI * 3 * 2 / (2 * Math.Log(2)));
        Assert.Equal(expected, s.IntFluxErr, 0.15 * expected);
    }

    [Fact]
    public void PositionsOffTheImageOrNearTheEdgeOrMaskedYieldNoFitWithAReason()
    {
        var photometer = Photometer(out _);
        Assert.Equal(15, photometer.HalfBox);
        var off = photometer.Fit(TestImages.EquatorialSky(-30, 100).Ra, TestImages.EquatorialSky(-30, 100).Dec);
        Assert.False(off.Succeeded);
        Assert.Contains("outside", off.Failure);
        var edge = photometer.Fit(TestImages.EquatorialSky(12, 100).Ra, TestImages.EquatorialSky(12, 100).Dec);
        Assert.Contains("edge", edge.Failure);
        var (ra, dec) = TestImages.EquatorialSky(100, 100);
        var masked = new ForcedPhotometer(MaskedCentre(), N, N, Beam, TestImages.EquatorialPixelToSky, TestImages.EquatorialSkyToPixel, Config).Fit(ra, dec);
        Assert.Contains("3x3", masked.Failure);
    }

    private static float[] MaskedCentre()
    {
        var pixels = TestImages.Noise(N, N, 0.001, seed: 32);
        pixels[101 * N + 99] = float.NaN;
        return pixels;
    }
}
