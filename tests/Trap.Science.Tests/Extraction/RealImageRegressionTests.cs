using Trap.Images.Accessors;
using Trap.Science.Extraction;
using Trap.TestSupport;
using Xunit.Abstractions;

namespace Trap.Science.Tests.Extraction;

/// <summary>TraP's own regression values for the PySE test images (docs/science.md §14.2).</summary>
public class RealImageRegressionTests(ITestOutputHelper output)
{
    /// <summary>TraP's sourcefinder tests call extract(det=5, anl=3) on ImageData defaults: grid 32, no margin or circle, free shape; TraP's error formulae and single fit.</summary>
    private static readonly ExtractionConfig TestConfig = new()
    {
        ErrorModel = ErrorModel.Condon,
        DetectionThreshold = 5,
        AnalysisThreshold = 3,
        BackSizeX = 32,
        BackSizeY = 32,
        Margin = 0,
        ExtractionRadiusPix = 0,
        ForceBeam = false,
        MaxComponents = 1,
    };

    private void Print(ExtractionResult result)
    {
        foreach (var s in result.Sources) output.WriteLine(s.ToString());
    }

    [Fact]
    public void Grb120422AGivesTrapsTwoSourcesAndTheRealOnesValues()
    {
        var image = ImageReader.Read(RealData.PathOf("ami-la/GRB120422A-120429.fits"));
        var result = SourceExtractor.Extract(image, TestConfig);
        Print(result);
        Assert.Equal(2, result.Sources.Count);
        var s = Assert.Single(result.Sources, s => Math.Abs(s.Ra - 136.896) < 0.01 && Math.Abs(s.Dec - 14.022) < 0.01);
        // TraP's test compares at 0 decimal places. Our local RMS here is ~4 % below TraP's value
        // (det_sigma 6.45 vs 6.19; the noise-driven errors ~4 % smaller), hence the 6 % bounds on those.
        Assert.Equal(5.3e-4, s.RaErr, 0.06 * 5.3e-4);
        Assert.Equal(1.3e-3, s.DecErr, 0.06 * 1.3e-3);
        Assert.Equal(7.23e-4, s.PeakFlux, 0.02 * 7.23e-4);
        Assert.Equal(1.09e-4, s.PeakFluxErr, 0.06 * 1.09e-4);
        Assert.Equal(6.07e-4, s.IntFlux, 0.02 * 6.07e-4);
        Assert.Equal(1.70e-4, s.IntFluxErr, 0.06 * 1.70e-4);
        Assert.Equal(6.19, s.DetSigma, 0.06 * 6.19);
        Assert.Equal(25.5, s.SemiMajorArcsec, 1.0);
        Assert.Equal(10.7, s.SemiMinorArcsec, 1.0);
        Assert.Equal(178.6, s.PaDeg, 2.0);
        Assert.Equal(5.18, s.ErrorRadiusArcsec, 0.06 * 5.18);
        Assert.Equal(1, s.FitType);
        Assert.Equal(0.59, s.ChiSq, 0.05);
        Assert.Equal(0.67, s.ReducedChiSq, 0.05);
    }

    [Fact]
    public void ForceBeamFixesTheAxesToTheBeam()
    {
        var image = ImageReader.Read(RealData.PathOf("ami-la/GRB120422A-120429.fits"));
        var result = SourceExtractor.Extract(image, TestConfig with { ForceBeam = true });
        Print(result);
        Assert.NotEmpty(result.Sources);
        var beam = image.Metadata.BeamPixels;
        var pixelArcsec = image.Metadata.PixelSizeYDeg * 3600;
        foreach (var s in result.Sources.Where(s => s.FitType == 1))
        {
            Assert.Equal(beam.SemiMajorPx * pixelArcsec, s.SemiMajorArcsec, 0.02 * s.SemiMajorArcsec);
            Assert.Equal(beam.SemiMinorPx * pixelArcsec, s.SemiMinorArcsec, 0.02 * s.SemiMinorArcsec);
            // With the beam shape fixed, f_int is the uncorrected fitted peak: f_int − noise²/f_int = f_peak.
            Assert.True(s.IntFlux > s.PeakFlux);
        }
    }

    [Fact]
    public void Swift554620FitsAndCasaGiveTheSameThreeSources()
    {
        var fits = SourceExtractor.Extract(ImageReader.Read(RealData.PathOf("ami-la/SWIFT_554620-130504.fits")), TestConfig);
        var casa = SourceExtractor.Extract(ImageReader.Read(RealData.PathOf("ami-la/SWIFT_554620-130504.image")), TestConfig);
        Print(fits);
        Assert.Equal(3, fits.Sources.Count);
        Assert.Equal(3, casa.Sources.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(fits.Sources[i].Ra, casa.Sources[i].Ra, 1e-5);
            Assert.Equal(fits.Sources[i].Dec, casa.Sources[i].Dec, 1e-5);
            Assert.Equal(fits.Sources[i].PeakFlux, casa.Sources[i].PeakFlux, 1e-5);
            Assert.Equal(fits.Sources[i].IntFlux, casa.Sources[i].IntFlux, 1e-5);
            Assert.Equal(fits.Sources[i].SemiMajorArcsec, casa.Sources[i].SemiMajorArcsec, 1e-3);
        }
    }

    [Fact]
    public void PhotutilsFindsTheSameSourcesInGrb120422A()
    {
        var path = RealData.PathOf("ami-la/GRB120422A-120429.fits");
        var image = ImageReader.Read(path);
        var ours = SourceExtractor.Extract(image, TestConfig).Sources;
        var beam = image.Metadata.BeamPixels;
        var peer = Assert.Single(PhotutilsRunner.Run(new[] { path }, beam.SemiMajorPx, beam.SemiMinorPx, 5, 3, 32, 0));
        Assert.Equal(ours.Count, peer.Sources.Count);
        foreach (var s in ours)
        {
            var match = peer.Sources.MinBy(p => Math.Pow(p.X - s.X, 2) + Math.Pow(p.Y - s.Y, 2))!;
            Assert.InRange(Math.Sqrt(Math.Pow(match.X - s.X, 2) + Math.Pow(match.Y - s.Y, 2)), 0, 1.0);
            // photutils' brightest pixel sits below the fitted peak, by at most the noise.
            Assert.InRange(match.Peak, s.PeakFlux - 2 * s.PeakFluxErr, s.PeakFlux + 2 * s.PeakFluxErr);
        }
    }
}
