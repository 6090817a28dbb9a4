using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// Islands holding two point sources (issue 14, item 3b; docs/science.md, "Blended sources"): a transient
/// beside a steady source of half its flux, so close that the saddle between them is 0.98 of the fainter peak.
/// </summary>
public class BlendedSourceTests
{
    private const int N = 120;
    private const double Noise = 0.002;
    private static readonly BeamShape Beam = new(2.0, 1.5, 0);

    /// <summary>Along x the beam is a Gaussian of σ = smin / sqrt(2 ln 2); 2.7 σ apart gives a 0.98 saddle at a 2:1 flux ratio.</summary>
    private static readonly double Separation = 2.7 * Beam.SemiMinor / Math.Sqrt(2 * Math.Log(2));

    private static readonly GaussianParameters Transient = new(0.06, 60.3, 60.4, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta);
    private static readonly GaussianParameters Steady = Transient with { Peak = 0.03, X = Transient.X + Separation };

    private static readonly ExtractionConfig Components = new() { MaxComponents = 4 };

    private static IReadOnlyList<ExtractedSource> Extract(ExtractionConfig config, params GaussianParameters[] sources)
    {
        var pixels = TestImages.Noise(N, N, Noise, seed: 12);
        foreach (var g in sources) TestImages.Add(pixels, N, g);
        return SourceExtractor.Extract(pixels, N, N, Beam, TestImages.EquatorialPixelToSky,
            config with { ExtractionRadiusPix = 0 }, "blend.fits").Sources;
    }

    [Fact]
    public void TheSaddleIsNinetyEightPercentOfTheFainterPeak()
    {
        double Profile(double x) => Transient.Evaluate(x, Transient.Y) + Steady.Evaluate(x, Transient.Y);
        var p = Enumerable.Range(0, 4001).Select(i => Profile(Transient.X + i * 2 * Separation / 4000)).ToList();
        // Extrema along the line through both sources: the brighter peak (pulled just off the transient), the saddle, the fainter peak.
        var extrema = Enumerable.Range(1, p.Count - 2).Where(i => (p[i] - p[i - 1]) * (p[i + 1] - p[i]) < 0).Select(i => p[i]).ToList();
        Assert.Equal(3, extrema.Count);
        Assert.True(extrema[1] / extrema[2] is > 0.975 and < 0.99, $"saddle / fainter peak {extrema[1] / extrema[2]:F4}");
    }

    [Fact]
    public void BothSourcesAreFittedWithTheirOwnFluxes()
    {
        var sources = Extract(Components, Transient, Steady);
        Assert.Equal(2, sources.Count);
        foreach (var truth in new[] { Transient, Steady })
        {
            var s = Assert.Single(sources, s => Math.Pow(s.X - truth.X, 2) + Math.Pow(s.Y - truth.Y, 2) < 0.5 * 0.5);
            Assert.Equal(1, s.FitType);
            Assert.InRange(s.IntFlux, truth.Peak - 4 * s.IntFluxErr, truth.Peak + 4 * s.IntFluxErr);
        }
    }

    [Fact]
    public void TheDefaultFitsBothSources()
    {
        var sources = Extract(new ExtractionConfig(), Transient, Steady);
        Assert.Equal(2, sources.Count);
        Assert.Single(sources, s => Math.Pow(s.X - Transient.X, 2) + Math.Pow(s.Y - Transient.Y, 2) < 0.5 * 0.5);
    }

    [Fact]
    public void TrapsSingleFitMergesThem()
    {
        var s = Assert.Single(Extract(new ExtractionConfig { MaxComponents = 1 }, Transient, Steady));
        // One source between the two, with more flux than the transient alone.
        Assert.InRange(s.X, Transient.X, Steady.X);
        Assert.True(s.IntFlux > Transient.Peak + 4 * s.IntFluxErr, $"f_int {s.IntFlux}");
    }

    [Fact]
    public void ASourceOnABrightSourcesFlankIsNoComponentOfItsOwn()
    {
        // 0.65 beam FWHM apart (FWHM = 2 semi-axes along x): a 125σ source on the flank of a 250σ one makes no peak of its
        // own, so no fit can share the flux between them the same way in every image; it stays a blend (one source).
        var bright = Transient with { Peak = 0.5 };
        var flank = bright with { Peak = 0.25, X = bright.X + 0.65 * 2 * Beam.SemiMinor };
        var s = Assert.Single(Extract(Components, bright, flank));
        Assert.InRange(s.X, bright.X, flank.X);
    }

    [Fact]
    public void ATransientABeamFromASourceFiveTimesBrighterIsAComponentOfItsOwn()
    {
        // 1.05 beam FWHM apart at a 5:1 flux ratio: the fainter makes no peak of its own (a shoulder on the bright one's
        // flank), but the beam resolves the two (docs/science.md, "Blended sources"); seen in a dense field, a new source of
        // S/N 37 beside a steady one of S/N 185 was missed.
        var bright = Transient with { Peak = 0.5 };
        var faint = bright with { Peak = 0.1, X = bright.X + 1.05 * 2 * Beam.SemiMinor };
        var sources = Extract(new ExtractionConfig(), bright, faint);
        Assert.Equal(2, sources.Count);
        var s = Assert.Single(sources, s => Math.Pow(s.X - faint.X, 2) + Math.Pow(s.Y - faint.Y, 2) < 0.5 * 0.5);
        Assert.InRange(s.IntFlux, faint.Peak - 4 * s.IntFluxErr, faint.Peak + 4 * s.IntFluxErr);
    }

    [Fact]
    public void IsolatedAndExtendedSourcesStayOneSource()
    {
        var bright = Transient with { Peak = 0.5 };
        // Intrinsically one beam across: convolved axes √2 × the beam's.
        var extended = new GaussianParameters(0.2, 30.2, 90.7, Math.Sqrt(2) * Beam.SemiMajor, Math.Sqrt(2) * Beam.SemiMinor, 0.4);
        var sources = Extract(Components, bright, extended);
        Assert.Equal(2, sources.Count);
        Assert.Single(sources, s => Math.Abs(s.X - bright.X) < 0.5 && Math.Abs(s.Y - bright.Y) < 0.5);
        Assert.Single(sources, s => Math.Abs(s.X - extended.X) < 0.5 && Math.Abs(s.Y - extended.Y) < 0.5);
    }
}
