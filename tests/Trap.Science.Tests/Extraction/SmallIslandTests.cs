using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

/// <summary>Islands too small to fit, with force_beam (issue 14, item 3e; docs/science.md, "Small islands").</summary>
public class SmallIslandTests
{
    private const int N = 120;
    private static readonly BeamShape Beam = new(2.0, 1.5, 0.5);

    private static IReadOnlyList<ExtractedSource> Extract(bool keep)
    {
        var pixels = TestImages.Noise(N, N, 0.001, seed: 9);
        pixels[60 * N + 50] += 0.02f; // a 20σ single-pixel spike: an island 1 px across
        TestImages.Add(pixels, N, new GaussianParameters(0.03, 80.4, 70.2, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta));
        return SourceExtractor.Extract(pixels, N, N, Beam, TestImages.EquatorialPixelToSky,
            new ExtractionConfig { ExtractionRadiusPix = 0, KeepSmallIslands = keep }, "spike.fits").Sources;
    }

    [Fact]
    public void WithForceBeamTrapsDefaultDropsThem()
    {
        var s = Assert.Single(Extract(keep: false));
        Assert.Equal(80.4, s.X, 0.2);
        Assert.Equal(1, s.FitType);
    }

    [Fact]
    public void KeptTheyAreMomentsOnlySourcesAtTheirPixel()
    {
        var sources = Extract(keep: true);
        Assert.Equal(2, sources.Count);
        var spike = Assert.Single(sources, s => s.FitType == 0);
        Assert.Equal((50.0, 60.0), (spike.X, spike.Y));
    }
}
