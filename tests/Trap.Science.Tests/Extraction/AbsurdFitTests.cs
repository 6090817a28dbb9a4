using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Forced;

namespace Trap.Science.Tests.Extraction;

/// <summary>Fits whose error or peak/int ratio is absurd (issue 14, item 3d; docs/science.md, "Absurd fits").</summary>
public class AbsurdFitTests
{
    private const int N = 200;
    private const double Noise = 0.001;
    private static readonly BeamShape Beam = new(3, 2, 0.3);
    private static readonly ExtractionConfig Config = new() { ExtractionRadiusPix = 0 };

    private static ForcedPhotometer Photometer(float[] pixels, ExtractionConfig config) =>
        new(pixels, N, N, Beam, TestImages.EquatorialPixelToSky, TestImages.EquatorialSkyToPixel, config);

    /// <summary>
    /// Empty sky where the forced fit's least-squares peak is brought below noise/1000 by subtracting the
    /// beam times the excess (the fit is linear in the data), so TraP's f_peak = P − noise²/P runs off.
    /// </summary>
    private static float[] EmptySkyWithZeroPeakAt(double x, double y)
    {
        var pixels = TestImages.Noise(N, N, Noise, seed: 5);
        var (ra, dec) = TestImages.EquatorialSky(x, y);
        var trap = Config with { AbsurdFitRatio = 0 };
        var last = double.NaN;
        for (var i = 0; i < 3; i++)
        {
            var fit = Photometer(pixels, trap).Fit(ra, dec);
            Assert.True(fit.Succeeded, $"iteration {i} after P = {last}: {fit.Failure}");
            var p = last = fit.Source!.IntFlux;
            if (Math.Abs(p) < Noise / 1000) break;
            TestImages.Add(pixels, N, new GaussianParameters(Noise / 3000 - p, x, y, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta));
        }
        return pixels;
    }

    [Fact]
    public void AForcedFitWithAZeroPeakIsRejectedWithItsReason()
    {
        var pixels = EmptySkyWithZeroPeakAt(100.3, 90.6);
        var (ra, dec) = TestImages.EquatorialSky(100.3, 90.6);
        var trapErrors = Config with { ErrorModel = ErrorModel.Condon };
        var kept = Photometer(pixels, trapErrors with { AbsurdFitRatio = 0 }).Fit(ra, dec).Source!;
        // What TraP reports: an f_int of ~0 and an f_peak hundreds of noise away from it.
        Assert.InRange(Math.Abs(kept.IntFlux), 0, Noise / 1000);
        Assert.True(Math.Abs(kept.PeakFlux) > 1000 * Noise, $"f_peak {kept.PeakFlux}");
        var fit = Photometer(pixels, trapErrors).Fit(ra, dec);
        Assert.False(fit.Succeeded);
        Assert.Contains("absurd fit", fit.Failure);
        Assert.Contains("f_peak", fit.Failure);
        // With measured errors a fit at a held position reports its fitted peak (docs/science.md §7.6): nothing absurd.
        var measured = Photometer(pixels, Config).Fit(ra, dec);
        Assert.True(measured.Succeeded, measured.Failure);
        Assert.Equal(measured.Source!.IntFlux, measured.Source.PeakFlux);
    }

    [Fact]
    public void TheReportedFitIsAbsurdUnderBothErrorModels()
    {
        // The fit of the issue: f_int = −7e-7 Jy; noise 1.1 mJy gives f_peak ≈ 1.728 Jy and Condon's error ≈ 2650 Jy.
        var shape = new GaussianParameters(-7e-7, 10, 10, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta);
        var condon = CondonErrors.ForFit(shape, shape.Peak, 1.1e-3, Beam);
        Assert.InRange(condon.Peak, 1.7, 1.76);
        var measurement = new PixelMeasurement(shape, condon, shape.Peak, 0, 1, 0, 0, default, 0, 0, 0);
        Assert.NotNull(AbsurdFits.Check(measurement, Beam, 1.1e-3, 1000));
        // Calibrated errors leave the error sane, but f_peak is still 1500 noise from an f_int of 0.
        var calibrated = measurement with { Errors = condon with { PeakErr = 5e-4, FluxErr = 5e-4 } };
        Assert.Contains("f_peak 1.7", AbsurdFits.Check(calibrated, Beam, 1.1e-3, 1000));
        Assert.Null(AbsurdFits.Check(calibrated, Beam, 1.1e-3, 0));
    }

    [Fact]
    public void FitsOnEmptySkyAreRarelyRejectedAndNoneKeptIsAbsurd()
    {
        var pixels = TestImages.Noise(N, N, Noise, seed: 6);
        var photometer = Photometer(pixels, Config);
        int rejected = 0, total = 0;
        for (var y = 20.5; y < N - 20; y += 8)
        {
            for (var x = 20.5; x < N - 20; x += 8)
            {
                var (ra, dec) = TestImages.EquatorialSky(x, y);
                var fit = photometer.Fit(ra, dec);
                total++;
                if (!fit.Succeeded)
                {
                    Assert.Contains("absurd", fit.Failure);
                    rejected++;
                    continue;
                }
                Assert.InRange(Math.Abs(fit.Source!.PeakFlux), 0, 1000 * Noise);
            }
        }
        // |f_peak| > 1000 noise needs |P| < noise/1000: about 0.3 % of fits whose P has σ ≈ 0.27 noise
        // (white noise, this beam); an absurd_fit_ratio of 100 would drop ~3 % of them.
        Assert.True(total >= 400);
        Assert.InRange(rejected, 0, 0.01 * total);
    }
}
