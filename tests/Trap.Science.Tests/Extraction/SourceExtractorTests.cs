using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

public class SourceExtractorTests
{
    private const int N = 256;
    private static readonly BeamShape Beam = new(2.5, 2.0, 0.4);

    [Fact]
    public void DefaultsAreTraps()
    {
        var c = new ExtractionConfig();
        Assert.Equal((8.0, 3.0, 50, 50, 10, 250.0, 0, true, 10.0, 10.0, 10.0),
            (c.DetectionThreshold, c.AnalysisThreshold, c.BackSizeX, c.BackSizeY, c.Margin, c.ExtractionRadiusPix,
             c.DeblendThresholds, c.ForceBeam, c.BoxInBeamPix, c.EwSysErrArcsec, c.NsSysErrArcsec));
        Assert.Throws<ArgumentException>(() => (c with { DeblendThresholds = 301 }).Validate());
        Assert.False(c.KeepSmallIslands);
        // Deliberate departures, each with TraP's behaviour as a setting (docs/science.md): calibrated errors,
        // significant deblended branches, sources kept by their centre, absurd fits rejected, three components per island.
        Assert.Equal(ErrorModel.MeasuredNoise, c.ErrorModel);
        Assert.Equal(3, c.MaxComponents);
        Assert.Equal((3.0, UsableCheck.Centre, 1000.0), (c.DeblendMinSigma, c.UsableCheck, c.AbsurdFitRatio));
    }

    [Fact]
    public void FlatImagesAreRefusedWithTheImageNamed()
    {
        var e = Assert.Throws<ExtractionException>(() => SourceExtractor.Extract(
            new float[N * N], N, N, Beam, TestImages.EquatorialPixelToSky, new ExtractionConfig(), "flat.fits"));
        Assert.Contains("flat.fits", e.Message);
        Assert.Contains("flat", e.Problem);
    }

    [Fact]
    public void FindsBrightSourcesWithBeamShapeAndDropsOnesTouchingTheMask()
    {
        var pixels = TestImages.Noise(N, N, 0.001, seed: 41);
        var inside = new GaussianParameters(0.05, 100.3, 140.7, 2.5, 2.0, 0.4);
        TestImages.Add(pixels, N, inside);
        TestImages.Add(pixels, N, new GaussianParameters(0.05, 11.5, 128, 2.5, 2.0, 0.4)); // its axes reach the margin
        var result = SourceExtractor.Extract(pixels, N, N, Beam, TestImages.EquatorialPixelToSky,
            new ExtractionConfig { ExtractionRadiusPix = 0, UsableCheck = UsableCheck.AxisEnds }, "two.fits");
        var s = Assert.Single(result.Sources);
        Assert.Equal(inside.X, s.X, 0.1);
        Assert.Equal(inside.Y, s.Y, 0.1);
        Assert.Equal(1, s.FitType);
        Assert.Equal(2.5 * 5, s.SemiMajorArcsec, 1e-3);
        Assert.Equal(0.4 * 180 / Math.PI, s.PaDeg, 1e-6); // +y is north, −x east: PA = θ
        Assert.Equal(0.05, s.IntFlux, 4 * s.IntFluxErr);
        Assert.InRange(result.RmsMin, 0.0009, 0.0011);
    }
}
