using Trap.Science.Association;
using static Trap.Science.Tests.Association.AssociationFixture;

namespace Trap.Science.Tests.Association;

public class RunningCatalogueTests
{
    [Fact]
    public void OneToOneBuildsAWeightedMeanPositionLikeTrap()
    {
        var cat = new RunningCatalogue(Config);
        // Three detections with different error radii, hence different weights.
        var inputs = new[] { (10.0, 30.0, 1.0), (10.0 + 2 * Arcsec, 30.0 - 1 * Arcsec, 5.0), (10.0 - 1 * Arcsec, 30.0 + 3 * Arcsec, 2.0) };
        var results = new List<ImageAssociationResult>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var image = Image(i + 1, i);
            var (ra, dec, er) = inputs[i];
            results.Add(cat.AssociateImage(image, new[] { Blind(100 + i, image, ra, dec, errorRadiusArcsec: er) }));
        }
        Assert.Equal(AssociationType.NewSource, Assert.Single(results[0].Associations).Type);
        Assert.All(results.Skip(1), r => Assert.Equal(AssociationType.OneToOne, Assert.Single(r.Associations).Type));
        Assert.All(results.Skip(1), r => Assert.Equal(100, r.Associations[0].RuncatId));

        // TraP: wm = Σwα/Σw with w = 1/σ², σ = sqrt(10² + er²)″; wm_uncertainty = 1/sqrt(Σw).
        var w = inputs.Select(t => 1.0 / ((100 + t.Item3 * t.Item3) * Arcsec * Arcsec)).ToArray();
        var ra0 = inputs.Zip(w, (t, wi) => wi * t.Item1).Sum() / w.Sum();
        var dec0 = inputs.Zip(w, (t, wi) => wi * t.Item2).Sum() / w.Sum();
        var source = Assert.Single(cat.Sources());
        Assert.Equal(3, source.Datapoints);
        // The tangent-plane mean equals TraP's linear mean to second order in the offsets: for
        // arcsecond offsets that is a few micro-arcsec (1e-8 deg = 36 µas here).
        Assert.Equal(ra0, source.RaDeg, 8);
        Assert.Equal(dec0, source.DecDeg, 8);
        Assert.Equal(1.0 / Math.Sqrt(w.Sum()), source.UncertaintyEwDeg, 12);
        Assert.Equal(1.0 / Math.Sqrt(w.Sum()), source.UncertaintyNsDeg, 12);
        // avg_decl_err: plain mean of sqrt(0² + 10″²) = 10″.
        Assert.Equal(10 * Arcsec, source.AverageDecErrDeg, 12);
        var secondRow = results[1].Associations[0];
        Assert.Equal(SkyVector.FromRaDec(10, 30).DistanceArcsec(SkyVector.FromRaDec(inputs[1].Item1, inputs[1].Item2)), secondRow.DistanceArcsec, 9);
        Assert.True(secondRow.DeRuiterR > 0 && secondRow.DeRuiterR < 1);
    }

    [Fact]
    public void FarSourcesDoNotAssociateAndStartNewOnes()
    {
        var cat = new RunningCatalogue(Config);
        var i1 = Image(1, 0);
        cat.AssociateImage(i1, new[] { Blind(1, i1, 10, 30) });
        var i2 = Image(2, 1);
        // 80″ away: inside the 108″ cone but R = 80/sqrt(2·101) ≈ 5.63 < 5.68 → match; 82″ → R ≈ 5.77 → no match.
        var r = cat.AssociateImage(i2, new[] { Blind(2, i2, 10, 30 + 82 * Arcsec) });
        Assert.Equal(AssociationType.NewSource, Assert.Single(r.Associations).Type);
        var i3 = Image(3, 2);
        var r3 = cat.AssociateImage(i3, new[] { Blind(3, i3, 10, 30 - 80 * Arcsec) });
        var row = Assert.Single(r3.Associations);
        Assert.Equal((AssociationType.OneToOne, 1L), (row.Type, row.RuncatId));
        Assert.Equal(80 / Math.Sqrt(2 * 101.0), row.DeRuiterR, 6);
    }

    [Fact]
    public void OneToManyForksWithCopiedHistoryAndDropsOtherBands()
    {
        var cat = new RunningCatalogue(Config);
        var low = Image(1, 0, band: 1, frequencyHz: 120e6);
        var high = Image(2, 0, band: 2, frequencyHz: 160e6);
        cat.AssociateImage(low, new[] { Blind(10, low, 10, 30, flux: 1.0) });
        var second = cat.AssociateImage(high, new[] { Blind(11, high, 10, 30 + 1 * Arcsec, flux: 2.0) });
        Assert.Equal((AssociationType.OneToOne, 10L), (second.Associations[0].Type, second.Associations[0].RuncatId));

        // Next timestep, band 1: two extractions 3″ either side of the source → one-to-many.
        var split = Image(3, 1, band: 1, frequencyHz: 120e6);
        var r = cat.AssociateImage(split, new[] { Blind(21, split, 10, 30 + 3 * Arcsec, flux: 0.6), Blind(20, split, 10, 30 - 3 * Arcsec, flux: 0.5) });

        Assert.Equal(new long[] { 10 }, r.RetiredRuncatIds);
        Assert.Equal(new[] { (20L, CatalogueOrigin.Fork, (long?)10), (21L, CatalogueOrigin.Fork, (long?)10) },
            r.NewEntries.Select(e => (e.RuncatId, e.Origin, e.ParentRuncatId)));
        foreach (var child in new long[] { 20, 21 })
        {
            var rows = r.Associations.Where(a => a.RuncatId == child).ToList();
            Assert.Equal(new[] { AssociationType.CopiedHistory, AssociationType.CopiedHistory, AssociationType.OneToManyBase }, rows.Select(a => a.Type));
            Assert.Equal(new long[] { 10, 11, child }, rows.Select(a => a.ExtractionId));
            Assert.Equal(2, rows[2].FDatapoints); // band 1: the old point plus this one
        }
        Assert.Equal(new long[] { 20, 21 }, cat.Sources().Select(s => s.RuncatId));
        // The forks keep only band 1's flux statistics (TraP drops every other band).
        Assert.All(cat.BandFluxes(), b => Assert.Equal(1, b.BandId));
        Assert.Equal(2, cat.BandFluxes().Count);
        // Position statistics of a fork = old ones plus the new point: 3 datapoints.
        Assert.All(cat.Sources(), s => Assert.Equal(3, s.Datapoints));
    }

    [Fact]
    public void ManyToOneAddsTheExtractionToEveryMatch()
    {
        var cat = new RunningCatalogue(Config);
        var i1 = Image(1, 0);
        cat.AssociateImage(i1, new[] { Blind(1, i1, 10, 30 - 10 * Arcsec), Blind(2, i1, 10, 30 + 10 * Arcsec) });
        var i2 = Image(2, 1);
        var r = cat.AssociateImage(i2, new[] { Blind(3, i2, 10, 30) });
        Assert.Equal(new[] { (1L, AssociationType.OneToOne), (2L, AssociationType.OneToOne) }, r.Associations.Select(a => (a.RuncatId, a.Type)));
        Assert.Empty(r.NewEntries);
        Assert.All(cat.Sources(), s => Assert.Equal(2, s.Datapoints));
    }

    [Fact]
    public void ManyToManyIsTrimmedToOneToOne()
    {
        var cat = new RunningCatalogue(Config);
        var i1 = Image(1, 0);
        cat.AssociateImage(i1, new[] { Blind(1, i1, 10, 30), Blind(2, i1, 10, 30 + 20 * Arcsec) });
        var i2 = Image(2, 1);
        var r = cat.AssociateImage(i2, new[] { Blind(3, i2, 10, 30 + 2 * Arcsec), Blind(4, i2, 10, 30 + 18 * Arcsec) });
        Assert.Equal(new[] { (1L, 3L), (2L, 4L) }, r.Associations.Select(a => (a.RuncatId, a.ExtractionId)));
        Assert.All(r.Associations, a => Assert.Equal(AssociationType.OneToOne, a.Type));
        Assert.Empty(r.RetiredRuncatIds);
    }

    [Fact]
    public void SourceJitteringAroundRaZeroStaysOneSourceNearZero()
    {
        var cat = new RunningCatalogue(Config);
        var rng = new Random(3);
        for (var i = 0; i < 40; i++)
        {
            var image = Image(i + 1, i, ra: 0.0, dec: 0.5);
            var ra = (rng.NextDouble() - 0.5) * 4 * Arcsec; // ±2″ about RA 0
            var r = cat.AssociateImage(image, new[] { Blind(1000 + i, image, ra < 0 ? ra + 360 : ra, 0.5 + (rng.NextDouble() - 0.5) * Arcsec) });
            Assert.Single(r.Associations);
        }
        var source = Assert.Single(cat.Sources());
        Assert.Equal(40, source.Datapoints);
        Assert.True(source.RaDeg < 2 * Arcsec || source.RaDeg > 360 - 2 * Arcsec, $"mean RA {source.RaDeg} is not at 0/360");
    }

    [Fact]
    public void SourceAtThePoleWithWildRaStaysOneSource()
    {
        var cat = new RunningCatalogue(Config);
        var rng = new Random(5);
        var truth = SkyVector.FromRaDec(30.0, 89.9999); // 0.36″ from the pole
        var frame = new TangentFrame(truth);
        var ras = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var image = Image(i + 1, i, ra: 0.0, dec: 89.99);
            var p = frame.Deproject((rng.NextDouble() - 0.5) * 2 * Arcsec, (rng.NextDouble() - 0.5) * 2 * Arcsec);
            ras.Add(p.RaDeg);
            var r = cat.AssociateImage(image, new[] { Blind(1000 + i, image, p.RaDeg, p.DecDeg) });
            Assert.Single(r.Associations);
        }
        Assert.True(ras.Max() - ras.Min() > 90, "the test positions should spread widely in RA");
        var source = Assert.Single(cat.Sources());
        Assert.True(SkyVector.FromRaDec(source.RaDeg, source.DecDeg).DistanceArcsec(truth) < 0.5);
    }

    [Fact]
    public void RejectedImagesAndOutOfOrderImagesAreHandled()
    {
        var cat = new RunningCatalogue(Config);
        var rejected = Image(1, 0, rejected: true);
        var r = cat.AssociateImage(rejected, Array.Empty<SourceMeasurement>());
        Assert.Empty(r.Associations);
        Assert.Throws<ArgumentException>(() => cat.AssociateImage(Image(2, 1, rejected: true), new[] { Blind(5, Image(2, 1), 10, 30) }));
        var good = Image(3, 2, frequencyHz: 150e6);
        cat.AssociateImage(good, new[] { Blind(6, good, 10, 30) });
        var ex = Assert.Throws<InvalidOperationException>(() => cat.AssociateImage(Image(4, 2, frequencyHz: 140e6), Array.Empty<SourceMeasurement>()));
        Assert.Contains("ascending", ex.Message);
        Assert.Throws<InvalidOperationException>(() => cat.AssociateImage(Image(5, 1), Array.Empty<SourceMeasurement>()));
    }

    [Fact]
    public void MeasurementsWithUnusableErrorsAreDroppedAndListed()
    {
        var cat = new RunningCatalogue(Config);
        var image = Image(1, 0);
        var bad = Blind(2, image, 10, 30) with { FIntErr = double.PositiveInfinity };
        var r = cat.AssociateImage(image, new[] { Blind(1, image, 10.1, 30), bad });
        Assert.Equal(new long[] { 2 }, r.DroppedExtractionIds);
        Assert.Single(r.Associations);
    }
}
