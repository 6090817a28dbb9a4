using MathNet.Numerics.Statistics;
using Trap.Science.Association;
using Trap.Science.Candidates;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Tests.Extraction;

namespace Trap.Science.Tests.Candidates;

/// <summary>
/// A transient blended with a steady source (docs/science.md §8.4, "Position shifts"): a flare half a beam FWHM from a
/// steady source three times brighter is one island fitted by one Gaussian, so its catalogue source is the blend's, whose
/// V the steady flux dilutes below v_min. Images rendered with white noise, extracted, associated and selected as a run
/// does; every source is bright enough to be detected in every image, so no forced fit is needed.
/// </summary>
public class PositionShiftFieldTests
{
    private const int N = 96;
    private const double Noise = 0.002;
    private const int Epochs = 12;
    private static readonly BeamShape Beam = new(2.0, 1.5, 0);
    private static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>5″ pixels (<see cref="TestImages.EquatorialPixelToSky"/>): the beam's major axis (along y) is 4 px FWHM.</summary>
    private const double BeamFwhmPix = 4.0;

    private static readonly GaussianParameters Blended = new(0.09, 48.3, 48.4, Beam.SemiMajor, Beam.SemiMinor, Beam.Theta);

    /// <summary>Half a beam FWHM north of <see cref="Blended"/>, a third of its flux, in two of the twelve images.</summary>
    private static readonly GaussianParameters Transient = Blended with { Peak = 0.03, Y = Blended.Y + 0.5 * BeamFwhmPix };

    private static readonly int[] FlareEpochs = { 6, 7 };

    /// <summary>Isolated steady sources of S/N 15–60, 24 px (6 beams) apart.</summary>
    private static readonly GaussianParameters[] Steady =
        new[] { (24.2, 24.7, 0.03), (48.6, 24.1, 0.06), (72.1, 24.5, 0.12), (24.9, 48.2, 0.04), (72.4, 48.8, 0.09), (24.5, 72.3, 0.05), (48.2, 72.6, 0.08), (72.7, 72.2, 0.03) }
            .Select(s => Blended with { X = s.Item1, Y = s.Item2, Peak = s.Item3 }).ToArray();

    [Fact]
    public void TheBlendIsSelectedOnlyByItsPositionShift()
    {
        var run = Run(withTransient: true, seed: 3);
        var blend = run.SourceNear(Blended);
        var metrics = run.Metrics.Single(m => m.RuncatId == blend);

        // Before: η passes but the steady flux dilutes V below v_min.
        Assert.True(metrics.EtaInt >= 2 && metrics.VInt < 0.1, $"η {metrics.EtaInt:F2}, V {metrics.VInt:F3}");
        Assert.DoesNotContain(CandidateSelector.Select(run.Metrics, new TransientSearchConfig { PositionShiftSigma = 0 }), s => s.Metrics.RuncatId == blend);

        // After: the positions move by many σ and the blend is selected for it.
        var selected = Assert.Single(CandidateSelector.Select(run.Metrics, new TransientSearchConfig()), s => s.Metrics.RuncatId == blend);
        Assert.Equal(SelectionReasons.PositionShift, selected.Reasons);
        Assert.True(metrics.PositionSigma > 5, $"position shift {metrics.PositionSigma:F1}σ");

        // The positions move toward the transient: the candidate is measured and reported there (its shift target).
        var source = run.Sources.Single(s => s.RuncatId == blend);
        var others = run.Sources.Where(s => s.RuncatId != blend).Select(s => (s.RaDeg, s.DecDeg)).ToList();
        var target = ShiftTarget.Of(selected, source.RaDeg, source.DecDeg, BeamFwhmPix * 5 / 3600, others)!.Value;
        TestImages.EquatorialSkyToPixel(target.RaDeg, target.DecDeg, out var x, out var y);
        var offTransient = Math.Sqrt(Math.Pow(x - Transient.X, 2) + Math.Pow(y - Transient.Y, 2));
        Assert.True(offTransient < 0.25 * BeamFwhmPix, $"shift target ({x:F2}, {y:F2}), {offTransient / BeamFwhmPix:F2} beams from the transient");
        // A target on another catalogue source is that source's change, not a blend's: no target.
        Assert.Null(ShiftTarget.Of(selected, source.RaDeg, source.DecDeg, BeamFwhmPix * 5 / 3600, others.Append((target.RaDeg, target.DecDeg + 2.0 / 3600))));

        // What the blend credit of `trap score` asks (docs/science.md §12): within 1.5 beams of the transient, and a light
        // curve that follows the transient's flux.
        Assert.True(run.DistancePix(blend, Transient) < 1.5 * BeamFwhmPix);
        var transientFlux = Enumerable.Range(0, Epochs).Select(t => FlareEpochs.Contains(t) ? Transient.Peak : 0.0);
        Assert.True(Correlation.Pearson(run.FluxesOf(blend), transientFlux) >= 0.5);
    }

    [Fact]
    public void SteadySourcesAreNotSelectedByPositionShifts()
    {
        foreach (var seed in new[] { 11, 12, 13 })
        {
            var run = Run(withTransient: false, seed);
            Assert.Equal(Steady.Length + 1, run.Metrics.Count);
            Assert.DoesNotContain(CandidateSelector.Evaluate(run.Metrics, new TransientSearchConfig()), s => s.Reasons.HasFlag(SelectionReasons.PositionShift));
            // The positions scatter as their errors say: χ²/dof about 1 (22 degrees of freedom each).
            var median = run.Metrics.Select(m => m.EtaPosition).Median();
            Assert.InRange(median, 0.6, 1.5);
        }
    }

    /// <summary>Each image shifted as a whole by a Gaussian offset of σ 0.4 px = 2″ per axis (an ionospheric shift, several times
    /// the bright sources' position errors): uncorrected, the position test passes for steady sources; with each image's
    /// common offset taken out (docs/science.md §8.4, "Common offsets") they scatter as their errors say again.</summary>
    [Fact]
    public void AnAstrometricShiftOfEachImageIsNotAPositionShift()
    {
        // The position test alone (η and significance cuts off), so that what it selects is seen.
        var positionsOnly = new TransientSearchConfig { EtaMin = 0, SignificanceMin = 0 };
        foreach (var seed in new[] { 11, 12 })
        {
            var uncorrected = Run(withTransient: false, seed, jitterPix: 0.4, commonOffset: false);
            Assert.True(uncorrected.Metrics.Select(m => m.EtaPosition).Median() > 5, "the shifts raise every η_pos");
            Assert.True(CandidateSelector.Evaluate(uncorrected.Metrics, positionsOnly).Count(s => s.Reasons.HasFlag(SelectionReasons.PositionShift)) >= 5);

            var corrected = Run(withTransient: false, seed, jitterPix: 0.4, commonOffset: true);
            Assert.InRange(corrected.Metrics.Select(m => m.EtaPosition).Median(), 0.6, 1.5);
            Assert.DoesNotContain(CandidateSelector.Evaluate(corrected.Metrics, new TransientSearchConfig()), s => s.Reasons.HasFlag(SelectionReasons.PositionShift));
            Assert.True(CandidateSelector.Evaluate(corrected.Metrics, positionsOnly).Count(s => s.Reasons.HasFlag(SelectionReasons.PositionShift)) <= 1);
        }
    }

    /// <summary>The correction does not take the blend's own movement out: the transient's neighbour is still selected for it,
    /// with its target on the transient, in shifted images.</summary>
    [Fact]
    public void TheBlendIsStillSelectedInShiftedImages()
    {
        var run = Run(withTransient: true, seed: 3, jitterPix: 0.4, commonOffset: true);
        var blend = run.SourceNear(Blended);
        var selected = Assert.Single(CandidateSelector.Select(run.Metrics, new TransientSearchConfig()), s => s.Metrics.RuncatId == blend);
        Assert.True(selected.Reasons.HasFlag(SelectionReasons.PositionShift), $"selected by {selected.Reasons}");
        var source = run.Sources.Single(s => s.RuncatId == blend);
        var target = ShiftTarget.Of(selected, source.RaDeg, source.DecDeg, BeamFwhmPix * 5 / 3600, [])!.Value;
        TestImages.EquatorialSkyToPixel(target.RaDeg, target.DecDeg, out var x, out var y);
        var offTransient = Math.Sqrt(Math.Pow(x - Transient.X, 2) + Math.Pow(y - Transient.Y, 2));
        Assert.True(offTransient < 0.25 * BeamFwhmPix, $"shift target ({x:F2}, {y:F2}), {offTransient / BeamFwhmPix:F2} beams from the transient");
    }

    private sealed record FieldRun(List<BandMetrics> Metrics, IReadOnlyList<CatalogueSourceRecord> Sources, List<AssociationRecord> Rows)
    {
        public long SourceNear(GaussianParameters g) => Sources.MinBy(s => Distance(s, g))!.RuncatId;

        public double DistancePix(long runcat, GaussianParameters g) => Distance(Sources.Single(s => s.RuncatId == runcat), g);

        public IEnumerable<double> FluxesOf(long runcat) => Rows.Where(r => r.RuncatId == runcat).OrderBy(r => r.TimeUtc).Select(r => r.FInt);

        private static double Distance(CatalogueSourceRecord s, GaussianParameters g)
        {
            TestImages.EquatorialSkyToPixel(s.RaDeg, s.DecDeg, out var x, out var y);
            return Math.Sqrt(Math.Pow(x - g.X, 2) + Math.Pow(y - g.Y, 2));
        }
    }

    private static FieldRun Run(bool withTransient, int seed, double jitterPix = 0, bool commonOffset = true)
    {
        var association = new AssociationConfig { PositionShiftCommonOffset = commonOffset };
        var jitter = new Random(seed);
        var catalogue = new RunningCatalogue(association);
        var (ra, dec) = TestImages.EquatorialSky(N / 2.0, N / 2.0);
        var rows = new List<AssociationRecord>();
        for (var t = 0; t < Epochs; t++)
        {
            var pixels = TestImages.Noise(N, N, Noise, seed * 100 + t);
            var (dx, dy) = (jitterPix * Gaussian(jitter), jitterPix * Gaussian(jitter));
            foreach (var g in Steady.Append(Blended)) TestImages.Add(pixels, N, g with { X = g.X + dx, Y = g.Y + dy });
            if (withTransient && FlareEpochs.Contains(t)) TestImages.Add(pixels, N, Transient with { X = Transient.X + dx, Y = Transient.Y + dy });
            var sources = SourceExtractor.Extract(pixels, N, N, Beam, TestImages.EquatorialPixelToSky,
                new ExtractionConfig { ExtractionRadiusPix = 0 }, $"epoch{t}.fits").Sources;
            var measurements = sources.Select((s, k) => new SourceMeasurement(t * 1000L + k, t, ExtractType.Blind, s.Ra, s.Dec,
                PositionErrors.Derive(s.Dec, s.RaErr, s.DecErr, s.ErrorRadiusArcsec, association),
                s.PeakFlux, s.PeakFluxErr, s.IntFlux, s.IntFluxErr, s.DetSigma)).ToList();
            var image = new ImageRecord(t, 0, 1, T0.AddMinutes(t), 150e6, ra, dec, 1.0, Beam.SemiMajor * 5 / 3600,
                Noise, Noise, 8, Rejected: false);
            var result = catalogue.AssociateImage(image, measurements);
            Assert.Empty(result.ForcedFitRequests);
            rows.AddRange(result.Associations);
            catalogue.AssociateForcedFits(image, Array.Empty<SourceMeasurement>(), Array.Empty<SourceMeasurement>());
        }
        var metrics = catalogue.BandFluxes().Select(f => new BandMetrics(f.RuncatId, f.BandId, f.FDatapoints, f.VInt, f.EtaInt,
            null, null, null, f.PositionDatapoints, f.EtaPosition, f.ShiftTargetRaDeg, f.ShiftTargetDecDeg)).ToList();
        return new FieldRun(metrics, catalogue.Sources(), rows);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
