using Trap.Science.Extraction;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// Sources whose centre lies just inside the margin (issue 14, item 3c; docs/science.md, "Sources at the
/// edge of the searched area").
/// </summary>
public class EdgeSourceTests
{
    private const int N = 200;
    private static readonly BeamShape Beam = new(2.0, 1.5, 0.5);

    /// <summary>S/N ≈ 25 sources centred 10.3, 10.8 and 11.3 px from each of the four edges (margin 10).</summary>
    private static (float[] Pixels, List<GaussianParameters> Truth) Image()
    {
        var pixels = TestImages.Noise(N, N, 0.002, seed: 77);
        var truth = new List<GaussianParameters>();
        foreach (var d in new[] { 10.3, 10.8, 11.3 })
        {
            var along = 40 + 50 * (d - 10);
            truth.Add(new GaussianParameters(0.05, d, along, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta));
            truth.Add(new GaussianParameters(0.05, N - 1 - d, along + 20, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta));
            truth.Add(new GaussianParameters(0.05, along + 40, d, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta));
            truth.Add(new GaussianParameters(0.05, along + 60, N - 1 - d, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta));
        }
        foreach (var g in truth) TestImages.Add(pixels, N, g);
        return (pixels, truth);
    }

    private static IReadOnlyList<ExtractedSource> Extract(UsableCheck check)
    {
        var (pixels, _) = Image();
        return SourceExtractor.Extract(pixels, N, N, Beam, TestImages.EquatorialPixelToSky,
            new ExtractionConfig { ExtractionRadiusPix = 0, UsableCheck = check }, "edges.fits").Sources;
    }

    [Fact]
    public void SourcesCentredInsideTheMarginAreFoundWithHonestFluxes()
    {
        var sources = Extract(UsableCheck.Centre);
        var (_, truth) = Image();
        foreach (var t in truth)
        {
            var s = Assert.Single(sources, s => Math.Pow(s.X - t.X, 2) + Math.Pow(s.Y - t.Y, 2) < 1);
            Assert.Equal(1, s.FitType);
            // Half the island is masked; the beam-shaped fit of the rest still measures the flux.
            Assert.InRange(s.IntFlux, 0.05 - 4 * s.IntFluxErr, 0.05 + 4 * s.IntFluxErr);
        }
    }

    [Fact]
    public void TrapsAxisEndCheckDropsThem()
    {
        var sources = Extract(UsableCheck.AxisEnds);
        var (_, truth) = Image();
        // TraP's is_usable: an axis end on a margin pixel drops the source (the margin applied a second time).
        // Sources 10.3 and 10.8 px from the edge: every axis end reaches the margin.
        var inner = truth.Where(t => Math.Min(Math.Min(t.X, t.Y), Math.Min(N - 1 - t.X, N - 1 - t.Y)) < 11).ToList();
        Assert.Equal(8, inner.Count);
        Assert.All(inner, t => Assert.DoesNotContain(sources, s => Math.Pow(s.X - t.X, 2) + Math.Pow(s.Y - t.Y, 2) < 1));
    }

    [Fact]
    public void DistanceInsideIsMeasuredFromTheSearchedArea()
    {
        Assert.Equal(0.5, ExtractionMask.DistanceInside(10.5, 100, N, N, 10, 0), 12);
        Assert.Equal(-2, ExtractionMask.DistanceInside(100, N - 9, N, N, 10, 0), 12);
        // The circle is centred where the mask centres it: ((N − 1)/2, (N − 1)/2).
        Assert.Equal(10, ExtractionMask.DistanceInside(99.5 + 80, 99.5, N, N, 0, 90), 12);
        // The nearer of margin and circle.
        Assert.Equal(3, ExtractionMask.DistanceInside(13, 99.5, N, N, 10, 90), 12);
    }
}
