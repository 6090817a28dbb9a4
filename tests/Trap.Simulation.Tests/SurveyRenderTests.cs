using Trap.Images;
using Trap.Simulation.Planning;
using Trap.Simulation.Sky;

namespace Trap.Simulation.Tests;

public class SurveyRenderTests
{
    [Fact]
    public void ImagesAreListedByPointingTimestepAndBandWithNamesThatSortTheSameWay()
    {
        var survey = new Survey(TestSurveys.Clean);
        var spec = survey.Spec;
        Assert.Equal(2 * 3 * 10, survey.Images.Count);
        Assert.Equal(survey.Images.Select(i => i.RelativePath).Order(StringComparer.Ordinal), survey.Images.Select(i => i.RelativePath));
        var image = survey.Image(pointing: 1, band: 2, timestep: 7);
        Assert.Equal((1, 2, 7), (image.PointingIndex, image.Band, image.Timestep));
        Assert.Equal("images/p01/p01_t0007_b02.fits", image.RelativePath);
        Assert.Equal(spec.StartUtc.AddSeconds(7 * spec.CadenceSeconds), image.StartUtc);
        Assert.Equal(170e6, image.FrequencyHz);
        Assert.Equal(10 * 195312.5, image.BandwidthHz);
        Assert.Throws<ArgumentOutOfRangeException>(() => survey.Image(0, 3, 0));
    }

    [Fact]
    public void NoiseFreePixelsAreTheTruthSourcesAsTrapGaussians()
    {
        var survey = new Survey(TestSurveys.NoiseFree);
        var image = survey.Render(pointing: 0, band: 1, timestep: 4);
        var checkedSources = 0;
        foreach (var s in image.Sources.Where(s => s.InsideImage && s.FluxJy > 0))
        {
            var x = (int)Math.Round(s.X);
            var y = (int)Math.Round(s.Y);
            // Neighbours are kept 3 beams away, so they add nothing measurable here.
            var expected = TestSurveys.TrapGaussian(s, x, y);
            Assert.Equal(expected, image.Pixels[y * image.Width + x], 1e-6 * s.PeakJyPerBeam + 1e-9);
            if (s.IntrinsicMajorArcsec == 0) Assert.Equal(s.FluxJy, s.PeakJyPerBeam, 12);
            else Assert.True(s.PeakJyPerBeam < s.FluxJy);
            checkedSources++;
        }
        Assert.True(checkedSources > 40);
    }

    [Fact]
    public void ExtendedSourceKeepsItsIntegratedFluxWhileItsPeakDrops()
    {
        var spec = TestSurveys.NoiseFree with { Pointings = 1, Timesteps = 1, BandFrequenciesHz = [150e6], Transients = TransientCounts.None };
        var centre = PointingLayout.RaWrapCentre;
        var extended = new SimulatedSource
        {
            Id = 1, PointingIndex = 0, Position = centre, ReferenceFluxJy = 2.0,
            IntrinsicMajorFwhmDeg = 50.0 / 3600, IntrinsicMinorFwhmDeg = 30.0 / 3600, IntrinsicPositionAngleDeg = 70,
        };
        var image = new Survey(spec, [extended]).Render(0);
        var row = Assert.Single(image.Sources);
        // Integrated flux = Σ pixels / beam area in pixels (π·smaj·smin/ln 2, semi-axes from the header beam).
        var beam = image.Metadata.BeamPixels;
        var beamArea = Math.PI * beam.SemiMajorPx * beam.SemiMinorPx / Math.Log(2);
        Assert.Equal(2.0, image.Pixels.Sum(p => (double)p) / beamArea, 4);
        // Peak = flux × beam area / convolved area.
        var expectedPeak = 2.0 * beam.SemiMajorPx * beam.SemiMinorPx / (row.ConvolvedSemiMajorPx * row.ConvolvedSemiMinorPx);
        Assert.Equal(expectedPeak, row.PeakJyPerBeam, 12);
        Assert.True(row.PeakJyPerBeam < 0.7 * row.FluxJy);
        Assert.Equal(expectedPeak, image.Pixels.Max(), 2e-3);
    }

    [Fact]
    public void WithNoiseThePixelAtEachTruthPositionIsTheTruthProfileWithinTheNoise()
    {
        var survey = new Survey(TestSurveys.Clean);
        var image = survey.Render(pointing: 1, band: 0, timestep: 2);
        var rms = image.Truth.NoiseRmsJy;
        var detectable = image.Sources.Where(s => s.Detectable).ToList();
        Assert.True(detectable.Count > 20);
        foreach (var s in detectable)
        {
            var x = (int)Math.Round(s.X);
            var y = (int)Math.Round(s.Y);
            Assert.InRange(image.Pixels[y * image.Width + x] - TestSurveys.TrapGaussian(s, x, y), -5 * rms, 5 * rms);
        }
    }

    [Fact]
    public void MeasuredNoiseMatchesTheImagesTruthRms()
    {
        var survey = new Survey(TestSurveys.Clean with { SourcesPerPointing = 0, EdgeSourcesPerPointing = 0, Transients = TransientCounts.None });
        foreach (var index in new[] { 0, 17, 44 })
        {
            var image = survey.Render(index);
            var rms = Math.Sqrt(image.Pixels.Average(p => (double)p * p));
            Assert.InRange(rms / image.Truth.NoiseRmsJy, 0.95, 1.05);
            Assert.InRange(image.Truth.NoiseRmsJy / survey.Spec.NoiseRmsJy, 0.95, 1.05);
        }
    }

    [Fact]
    public void FluxesFollowEachSourcesSpectralIndexAcrossBands()
    {
        var survey = new Survey(TestSurveys.Clean);
        var low = survey.Render(0, 0, 3).Sources;
        var high = survey.Render(0, 2, 3).Sources;
        var sources = survey.Sources.ToDictionary(s => s.Id);
        foreach (var (a, b) in low.Zip(high).Where(p => p.First.FluxJy > 0))
        {
            Assert.Equal(a.SourceId, b.SourceId);
            Assert.Equal(Math.Pow(170.0 / 130.0, sources[a.SourceId].SpectralIndex), b.FluxJy / a.FluxJy, 10);
        }
    }

    [Fact]
    public void TimeVariableSourcesBehaveInTheImagesAsTheirKindsSay()
    {
        var survey = new Survey(TestSurveys.NoiseFree with { Pointings = 1, BandFrequenciesHz = [150e6], Transients = new(2, 2, 2, 2) });
        var images = Enumerable.Range(0, survey.Spec.Timesteps).Select(t => survey.Render(0, 0, t)).ToArray();
        double Pixel(int t, int id)
        {
            var row = images[t].Sources.Single(s => s.SourceId == id);
            return images[t].Pixels[(int)Math.Round(row.Y) * images[t].Width + (int)Math.Round(row.X)];
        }
        foreach (var source in survey.Sources.Where(s => s.Kind != SourceKind.Steady))
        {
            var factors = images.Select(i => i.Sources.Single(s => s.SourceId == source.Id).LightCurveFactor).ToArray();
            switch (source.LightCurve)
            {
                case FlareCurve:
                    var peak = Array.IndexOf(factors, factors.Max());
                    Assert.True(peak >= 1, "a flare starts after the first image");
                    Assert.Equal(0.0, factors[peak - 1]);
                    Assert.Equal(0.0, Pixel(peak - 1, source.Id), 9);
                    Assert.True(factors[peak] > 0.8);
                    for (var t = peak + 1; t < factors.Length; t++) Assert.True(factors[t] < factors[t - 1]);
                    break;
                case FadingCurve:
                    for (var t = 1; t < factors.Length; t++) Assert.True(factors[t] < factors[t - 1]);
                    Assert.True(factors[^1] < factors[0] / 2.5);
                    break;
                case NewSourceCurve:
                    var on = Array.IndexOf(factors, 1.0);
                    Assert.True(on >= 1);
                    Assert.All(factors[..on], f => Assert.Equal(0.0, f));
                    Assert.All(factors[on..], f => Assert.Equal(1.0, f));
                    Assert.Equal(0.0, Pixel(on - 1, source.Id), 9);
                    Assert.True(Pixel(on, source.Id) > 0.1);
                    break;
                case VariableCurve:
                    Assert.True(factors.Distinct().Count() == factors.Length);
                    break;
            }
        }
        Assert.Equal(8, survey.Sources.Count(s => s.Kind != SourceKind.Steady));
    }

    [Fact]
    public void VariableSourcesHaveTheStatedModulationIndexOverManyTimesteps()
    {
        var spec = TestSurveys.Clean with { Pointings = 1, Timesteps = 4000, BandFrequenciesHz = [150e6], SourcesPerPointing = 0, Transients = new(0, 0, 0, 3) };
        foreach (var source in new Survey(spec).Sources.Where(s => s.Kind == SourceKind.Variable))
        {
            var factors = ((VariableCurve)source.LightCurve).Factors;
            var mean = factors.Average();
            var sd = Math.Sqrt(factors.Average(f => (f - mean) * (f - mean)));
            Assert.InRange(sd / mean, 0.27, 0.33);
        }
    }

    [Fact]
    public void WrapPointingStraddlesRaZeroAndHighDecPointingHoldsThePole()
    {
        var survey = new Survey(TestSurveys.Clean);
        var wrapRas = survey.Sources.Where(s => s.PointingIndex == 0).Select(s => s.Position.RaDeg).ToArray();
        Assert.Contains(wrapRas, ra => ra < 1.0);
        Assert.Contains(wrapRas, ra => ra > 359.0);
        Assert.True(survey.Pointings[1].Wcs.TrySkyToPixel(0.0, 90.0, out var x, out var y));
        Assert.InRange(x, 0, survey.Spec.ImageSize - 1);
        Assert.InRange(y, 0, survey.Spec.ImageSize - 1);
    }

    [Fact]
    public void EdgeSourcesLieWithinABeamOfAnEdge()
    {
        var survey = new Survey(TestSurveys.Clean with { EdgeSourcesPerPointing = 20 });
        var rows = survey.Render(0).Sources.Where(s => s.OnEdge).ToList();
        Assert.Equal(20, rows.Count);
        var size = survey.Spec.ImageSize;
        var beamPx = survey.Spec.Beam.MajorFwhmDeg / survey.Spec.PixelSizeDeg;
        foreach (var s in rows)
        {
            var edgeDistance = new[] { Math.Abs(s.X), Math.Abs(s.Y), Math.Abs(size - 1 - s.X), Math.Abs(size - 1 - s.Y) }.Min();
            Assert.True(edgeDistance <= beamPx + 1e-6, $"source {s.SourceId} at ({s.X}, {s.Y})");
        }
        Assert.Contains(rows, s => !s.InsideImage);
        Assert.Contains(rows, s => s.InsideImage);
    }

    [Fact]
    public void RenderingIsDeterministicAndOrderFree()
    {
        var first = new Survey(TestSurveys.Clean with { Seed = 5 });
        var second = new Survey(TestSurveys.Clean with { Seed = 5 });
        var late = second.Render(37);
        Assert.Equal(first.Render(37).Pixels, late.Pixels);
        Assert.Equal(first.Render(3).Pixels, second.Render(3).Pixels);
        Assert.NotEqual(first.Render(37).Pixels, new Survey(TestSurveys.Clean with { Seed = 6 }).Render(37).Pixels);
    }

    [Fact]
    public void MetadataIsWhatTrapsLofarAccessorNeeds()
    {
        var image = new Survey(TestSurveys.Clean).Render(0, 1, 2);
        var m = image.Metadata;
        Assert.Equal(("LOFAR", "lofar"), (m.Telescope, m.Accessor));
        Assert.Equal(PointingLayout.RaWrapCentre.RaDeg, m.CentreRaDeg, 9);
        Assert.Equal(PointingLayout.RaWrapCentre.DecDeg, m.CentreDecDeg, 9);
        Assert.Equal(new LofarFields("HBA_DUAL_INNER", 24, 14, 0, 10, 195312.5, null), m.Lofar);
        Assert.Equal(60.0, m.IntegrationSeconds);
        Assert.Same(image.Pixels, image.ToSkyImage().Pixels);
        Assert.Equal("LOFAR", image.Header.GetString("TELESCOP"));
        Assert.Equal(10, image.Header.GetInt("SUBBANDS"));
        Assert.Equal(60.0, image.Header.GetDouble("TAU_TIME"));
        Assert.Equal("RA---SIN", image.Header.GetString("CTYPE1"));
        Assert.Equal("STOKES", image.Header.GetString("CTYPE4"));
        Assert.Equal("2024-09-22T00:02:00.000", image.Header.GetString("DATE-OBS"));
    }

    [Fact]
    public void BadSpecsAreRefusedNamingTheField()
    {
        var e = Assert.Throws<ArgumentException>(() => new Survey(TestSurveys.Clean with { IntegrationSeconds = 120 }));
        Assert.Contains("IntegrationSeconds", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Survey(TestSurveys.Clean with { Timesteps = 1 }));
        Assert.Contains("new sources", e.Message);
        e = Assert.Throws<ArgumentException>(() => new Survey(new SurveySpec { Pointings = 1, Timesteps = 2, BandFrequenciesHz = [150e6] }));
        Assert.Contains("bad images", e.Message);
    }
}
