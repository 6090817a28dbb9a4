using Trap.Science.Extraction;
using Trap.Simulation;
using Xunit.Abstractions;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// Deblending of isolated point sources (issue 14, item 3a; docs/science.md, "Deblending"): on generated
/// images of point sources at least 3 beams apart, deblending must not split a source.
/// </summary>
public class DeblendingTests(ITestOutputHelper output)
{
    private static readonly SurveySpec Spec = new()
    {
        Seed = 314,
        Pointings = 1,
        IncludeRaWrapPointing = false,
        IncludeHighDecPointing = false,
        BandFrequenciesHz = SurveySpec.HbaBands(1),
        Timesteps = 4,
        SourcesPerPointing = 200,
        MinFluxJy = 0.1,
        MaxFluxJy = 3.0,
        ExtendedFraction = 0,
        EdgeSourcesPerPointing = 0,
        Transients = new TransientCounts(0, 0, 0, 0),
        BadImages = BadImageFractions.None,
    };

    private static readonly ExtractionConfig Deblending = new() { ExtractionRadiusPix = 0, DeblendThresholds = 32 };

    /// <summary>Per image: detections beyond the first within 1.5 px of a true source, and moments fits at exact integer pixels.</summary>
    private (int Extra, int IntegerMoments, int Matched) Splits(ExtractionConfig config)
    {
        var survey = new Survey(Spec);
        int extra = 0, integerMoments = 0, matched = 0;
        for (var i = 0; i < Spec.Timesteps; i++)
        {
            var image = survey.Render(i);
            var sources = SourceExtractor.Extract(image.ToSkyImage(), config).Sources;
            foreach (var truth in image.Sources.Where(s => s.InsideImage && s.FluxJy > 0))
            {
                var near = sources.Count(s => Math.Pow(s.X - truth.X, 2) + Math.Pow(s.Y - truth.Y, 2) < 1.5 * 1.5);
                if (near > 0) matched++;
                extra += Math.Max(0, near - 1);
            }
            integerMoments += sources.Count(s => s.FitType == 0 && s.X == Math.Round(s.X) && s.Y == Math.Round(s.Y));
        }
        return (extra, integerMoments, matched);
    }

    [Fact]
    public void TrapsRuleSplitsIsolatedPointSources()
    {
        var (extra, integerMoments, matched) = Splits(Deblending with { DeblendMinSigma = 0, KeepSmallIslands = true });
        output.WriteLine($"TraP's rule: {matched} sources found, {extra} split-offs, {integerMoments} moments fits at integer pixels");
        // The defect this guards against: with 4-connected branches and only the flux contrast, peaks near a
        // pixel corner fall apart into diagonal single pixels.
        Assert.True(extra >= 3 && integerMoments >= 3, $"{extra} split-offs, {integerMoments} integer moments: the test no longer shows TraP's splitting");
    }

    [Fact]
    public void AnIsolatedPointSourceIsOneDetection()
    {
        var (extra, integerMoments, matched) = Splits(Deblending);
        var (_, _, undeblended) = Splits(Deblending with { DeblendThresholds = 0 });
        output.WriteLine($"deblend_min_sigma 3: {matched} sources found ({undeblended} without deblending), {extra} split-offs, {integerMoments} moments fits at integer pixels");
        Assert.Equal(0, extra);
        Assert.Equal(0, integerMoments);
        Assert.Equal(undeblended, matched);
    }
}
