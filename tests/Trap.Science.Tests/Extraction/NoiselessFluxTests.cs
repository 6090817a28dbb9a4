using Trap.Science.Extraction;
using Trap.Simulation;
using Xunit.Abstractions;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// The flux path without noise (docs/science.md §4.12, "Flux bias"): the simulator's rendering (beam per band,
/// projection, spectral index) and the extraction's fit agree to far better than the 0.2–0.6 % deficit the
/// scored surveys show, anywhere in the image and in every band, so that deficit is not the fit's nor the truth's.
/// </summary>
public class NoiselessFluxTests(ITestOutputHelper output)
{
    [Fact]
    public void BrightIsolatedSourcesAreRecoveredExactlyEverywhereInTheImage()
    {
        var spec = new SurveySpec
        {
            Seed = 77,
            Pointings = 1,
            IncludeRaWrapPointing = false,
            IncludeHighDecPointing = false,
            BandFrequenciesHz = SurveySpec.HbaBands(2),
            Timesteps = 1,
            SourcesPerPointing = 200,
            MinFluxJy = 0.5,
            MaxFluxJy = 3.0,
            ExtendedFraction = 0,
            EdgeSourcesPerPointing = 0,
            Transients = new TransientCounts(0, 0, 0, 0),
            BadImages = BadImageFractions.None,
            // S/N ≥ 5·10⁴: the background estimator needs some noise; this much moves a flux by ~10⁻⁵.
            NoiseRmsJy = 1e-5,
            CorrelatedNoiseFraction = 0,
        };
        var survey = new Survey(spec);
        var config = new ExtractionConfig { ExtractionRadiusPix = 0 };
        var ratios = new List<(double Ratio, double CentreDistance, int Band)>();
        for (var i = 0; i < survey.Images.Count; i++)
        {
            var image = survey.Render(i);
            var sources = SourceExtractor.Extract(image.ToSkyImage(), config).Sources;
            var onImage = image.Sources.Where(s => s.InsideImage && s.FluxJy > 0).ToList();
            foreach (var t in onImage)
            {
                // A neighbour within 5 semi-axes puts its wing into the island; that is confusion, not the flux path.
                if (onImage.Any(o => o != t && Distance2(o.X, o.Y, t.X, t.Y) < Math.Pow(5 * t.ConvolvedSemiMajorPx, 2))) continue;
                var found = sources.MinBy(s => Distance2(s.X, s.Y, t.X, t.Y));
                if (found is null || Distance2(found.X, found.Y, t.X, t.Y) > 1) continue;
                Assert.True(Distance2(found.X, found.Y, t.X, t.Y) < 1e-6, $"source at ({t.X:F2}, {t.Y:F2}) fitted at ({found.X:F4}, {found.Y:F4})");
                ratios.Add((found.IntFlux / t.FluxJy, Math.Sqrt(Distance2(t.X, t.Y, (image.Width - 1) / 2.0, (image.Height - 1) / 2.0)), image.Plan.Band));
            }
        }
        foreach (var band in ratios.GroupBy(r => r.Band))
        {
            output.WriteLine($"band {band.Key}: {band.Count()} sources, f_int/true {band.Min(r => r.Ratio):F6} to {band.Max(r => r.Ratio):F6}, farthest {band.Max(r => r.CentreDistance):F0} px from the centre");
        }
        Assert.True(ratios.Count >= 150, $"only {ratios.Count} isolated sources matched");
        Assert.Equal(2, ratios.Select(r => r.Band).Distinct().Count());
        Assert.Contains(ratios, r => r.CentreDistance > 120); // towards the corners, where the SIN projection departs most
        // Measured 0.99983–1.00002; the bound is 8× below the scored surveys' smallest deficit (0.17 % at S/N ≥ 100).
        Assert.All(ratios, r => Assert.InRange(r.Ratio, 0.9998, 1.0002));
    }

    private static double Distance2(double x1, double y1, double x2, double y2) => Math.Pow(x1 - x2, 2) + Math.Pow(y1 - y2, 2);
}
