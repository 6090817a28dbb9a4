using Trap.Formats.Fits;
using Trap.Science.Extraction;
using Trap.Simulation;
using Xunit.Abstractions;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// Extraction against the survey generator's truth: point sources in beam-correlated noise, several
/// images of one pointing (same sky, independent noise). Bounds are stated per assertion.
/// </summary>
public class GeneratedSurveyAccuracyTests(ITestOutputHelper output)
{
    private const int Images = 10;

    /// <summary>TraP defaults, except the whole image is searched (no 250 px circle).</summary>
    private static readonly ExtractionConfig Config = new() { ExtractionRadiusPix = 0 };

    private static readonly SurveySpec Spec = new()
    {
        Seed = 2024,
        Pointings = 1,
        IncludeRaWrapPointing = false,
        IncludeHighDecPointing = false,
        BandFrequenciesHz = SurveySpec.HbaBands(1),
        Timesteps = Images,
        ImageSize = 512,
        SourcesPerPointing = 200,
        MinFluxJy = 0.06,
        MaxFluxJy = 3.0,
        ExtendedFraction = 0,
        EdgeSourcesPerPointing = 0,
        Transients = new TransientCounts(0, 0, 0, 0),
        BadImages = BadImageFractions.None,
        // TraP's Condon errors assume noise correlated over the beam, as in a restored interferometer image.
        CorrelatedNoiseFraction = 1.0,
    };

    private static readonly Lazy<(AccuracyReport Report, List<SimulatedImage> Rendered, List<ExtractionResult> Results)> Run = new(() =>
    {
        var survey = new Survey(Spec);
        var report = new AccuracyReport();
        var rendered = new List<SimulatedImage>();
        var results = new List<ExtractionResult>();
        for (var i = 0; i < Images; i++)
        {
            var image = survey.Render(i);
            var result = SourceExtractor.Extract(image.ToSkyImage(), Config);
            report.Add(Truth(image), result.Sources, matchRadiusPx: 3);
            rendered.Add(image);
            results.Add(result);
        }
        return (report, rendered, results);
    });

    /// <summary>Sources on the image; counted when their beam lies wholly inside the unmasked area (margin plus 3 semi-axes).</summary>
    private static List<TrueSource> Truth(SimulatedImage image)
    {
        var keep = Config.Margin + 3 * image.Metadata.BeamPixels.SemiMajorPx;
        return image.Sources
            .Where(s => s.InsideImage && s.FluxJy > 0)
            .Select(s => new TrueSource(s.X, s.Y, s.FluxJy, s.PeakJyPerBeam / image.Truth.NoiseRmsJy,
                Counted: s.X >= keep && s.Y >= keep && s.X <= image.Width - 1 - keep && s.Y <= image.Height - 1 - keep))
            .ToList();
    }

    [Fact]
    public void CompletenessAndReliabilityPerSnrBin()
    {
        var report = Run.Value.Report;
        output.WriteLine(report.Table());
        Assert.True(report.TrueCount(15, double.PositiveInfinity) >= 200, "too few bright sources for the statistics");
        // Above 15σ a source is 7σ over the 8σ detection threshold: every one must be found.
        Assert.True(report.Completeness(15, double.PositiveInfinity) >= 0.99, $"completeness S/N≥15 {report.Completeness(15, double.PositiveInfinity):F3}");
        // 10–15σ: the measured peak falls below 8σ only in a ≥2σ low excursion.
        Assert.True(report.Completeness(10, 15) >= 0.9, $"completeness 10–15 {report.Completeness(10, 15):F3}");
        // Below the threshold few are found.
        Assert.True(report.Completeness(5, 8) <= 0.5, $"completeness 5–8 {report.Completeness(5, 8):F3}");
        // 8σ in correlated noise over 512² px: false detections are rare.
        Assert.True(report.Reliability(8, double.PositiveInfinity) >= 0.97, $"reliability {report.Reliability(8, double.PositiveInfinity):F3}");
    }

    [Fact]
    public void FluxesArePositionsAreUnbiasedAndErrorsHonest()
    {
        var report = Run.Value.Report;
        var ratio = report.MedianFluxRatio(20);
        var (mean, std, count) = report.Pulls(10);
        var (fluxMean, fluxStd) = report.FluxPulls(10);
        output.WriteLine($"median f_int/true (S/N≥20) {ratio:F4}; position pulls (S/N≥10, n={count}) mean {mean:F3} std {std:F3}; flux pulls mean {fluxMean:F3} std {fluxStd:F3}");
        Assert.InRange(ratio, 0.97, 1.03);
        Assert.InRange(mean, -0.15, 0.15);
        // Calibrated errors (docs/science.md): pulls are N(0, 1) on beam-correlated noise.
        Assert.InRange(std, 0.9, 1.1);
        Assert.InRange(fluxMean, -0.3, 0.3);
        Assert.InRange(fluxStd, 0.9, 1.1);
    }

    [Fact]
    public void PhotutilsAgreesOnCountsAndBrightFluxes()
    {
        var (_, rendered, results) = Run.Value;
        var folder = Directory.CreateTempSubdirectory("trap-extraction-peer-");
        try
        {
            var files = new List<string>();
            for (var i = 0; i < 2; i++)
            {
                var path = Path.Combine(folder.FullName, $"image{i}.fits");
                FitsWriter.Write(path, rendered[i].Header, rendered[i].Pixels, rendered[i].Axes);
                files.Add(path);
            }
            var beam = rendered[0].Metadata.BeamPixels;
            var peers = PhotutilsRunner.Run(files, beam.SemiMajorPx, beam.SemiMinorPx, Config.DetectionThreshold,
                Config.AnalysisThreshold, Config.BackSizeX, Config.Margin);
            for (var i = 0; i < peers.Count; i++)
            {
                // photutils keeps every segment; Trap drops islands too small to fit by default (docs/science.md, "Small islands").
                var ours = SourceExtractor.Extract(rendered[i].ToSkyImage(), Config with { KeepSmallIslands = true }).Sources;
                var peer = peers[i].Sources;
                output.WriteLine($"image {i}: Trap {ours.Count} sources, photutils {peer.Count}");
                // Different background estimators and island rules: counts agree within 10 %.
                Assert.InRange(peer.Count, 0.9 * ours.Count, 1.1 * ours.Count);
                var ratios = ours.Where(s => s.DetSigma >= 30)
                    .Select(s => (Source: s, Peer: peer.MinBy(p => Math.Pow(p.X - s.X, 2) + Math.Pow(p.Y - s.Y, 2))!))
                    .Where(m => Math.Pow(m.Peer.X - m.Source.X, 2) + Math.Pow(m.Peer.Y - m.Source.Y, 2) < 4 && double.IsFinite(m.Peer.KronFluxJy))
                    .Select(m => m.Peer.KronFluxJy / m.Source.IntFlux)
                    .Order()
                    .ToArray();
                Assert.True(ratios.Length >= 10, $"only {ratios.Length} bright sources matched");
                var median = ratios[ratios.Length / 2];
                output.WriteLine($"image {i}: {ratios.Length} bright matches, median photutils Kron / Trap f_int {median:F3}");
                // A Kron aperture holds ~90–100 % of a Gaussian's flux.
                Assert.InRange(median, 0.85, 1.05);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
