using Trap.Science.Association;
using static Trap.Science.Tests.Association.AssociationFixture;

namespace Trap.Science.Tests.Association;

public class ForcedFitTests
{
    [Fact]
    public void NullDetectionsAreRequestedUntilExpirationThenResetByADetection()
    {
        var cat = new RunningCatalogue(Config);
        long nextId = 10_000;
        var first = Image(1, 0);
        var r0 = cat.AssociateImage(first, new[] { Blind(1, first, 10, 30) });
        Assert.Empty(r0.ForcedFitRequests); // detected here, and first seen in this image

        var requested = 0;
        for (var t = 1; t <= 12; t++)
        {
            var image = Image(100 + t, t);
            var r = cat.AssociateImage(image, Array.Empty<SourceMeasurement>());
            if (t <= Config.Expiration)
            {
                var request = Assert.Single(r.ForcedFitRequests);
                Assert.Equal((ForcedFitKind.NullDetection, (long?)1, 10.0, 30.0), (request.Kind, request.RuncatId, request.RaDeg, request.DecDeg));
                requested++;
            }
            else Assert.Empty(r.ForcedFitRequests);
            var fits = cat.AssociateForcedFits(image, NullFits(r, image, ref nextId), Array.Empty<SourceMeasurement>());
            if (t <= Config.Expiration)
            {
                var row = Assert.Single(fits.Associations);
                Assert.Equal((AssociationType.NullDetection, 1L, t + 1), (row.Type, row.RuncatId, row.FDatapoints));
            }
        }
        Assert.Equal(10, requested);
        var source = Assert.Single(cat.Sources());
        Assert.Equal((1, 10), (source.Datapoints, source.ForcedFitsCount)); // null fits move nothing, count up

        // A blind detection resets the count; the next miss is requested again.
        var seen = Image(200, 20);
        cat.AssociateImage(seen, new[] { Blind(2, seen, 10, 30 + Arcsec) });
        cat.AssociateForcedFits(seen, Array.Empty<SourceMeasurement>(), Array.Empty<SourceMeasurement>());
        Assert.Equal(0, cat.Sources()[0].ForcedFitsCount);
        var miss = Image(201, 21);
        Assert.Single(cat.AssociateImage(miss, Array.Empty<SourceMeasurement>()).ForcedFitRequests);
    }

    [Fact]
    public void SourcesFirstSeenInTheSameTimestepAreNotNullDetected()
    {
        var cat = new RunningCatalogue(Config);
        var low = Image(1, 0, band: 1, frequencyHz: 120e6);
        var high = Image(2, 0, band: 2, frequencyHz: 160e6);
        cat.AssociateImage(low, new[] { Blind(1, low, 10, 30) });
        Assert.Empty(cat.AssociateImage(high, Array.Empty<SourceMeasurement>()).ForcedFitRequests);
        cat.AssociateForcedFits(low, Array.Empty<SourceMeasurement>(), Array.Empty<SourceMeasurement>());
        Assert.Throws<InvalidOperationException>(() => cat.AssociateImage(Image(3, 0, band: 3, frequencyHz: 190e6), Array.Empty<SourceMeasurement>()));
        var later = Image(4, 1, band: 2, frequencyHz: 160e6);
        Assert.Single(cat.AssociateImage(later, Array.Empty<SourceMeasurement>()).ForcedFitRequests);
    }

    [Fact]
    public void SourcesOutsideTheImagesRegionAreNotRequested()
    {
        var cat = new RunningCatalogue(Config);
        var a = Image(1, 0, ra: 10, dec: 30, region: 1);
        cat.AssociateImage(a, new[] { Blind(1, a, 10, 30) });
        var far = Image(2, 1, ra: 20, dec: 30, region: 2);
        Assert.Empty(cat.AssociateImage(far, Array.Empty<SourceMeasurement>()).ForcedFitRequests);
    }

    [Fact]
    public void MonitorPositionsStartAMonitorSourceThatBlindAssociationIgnores()
    {
        var monitors = new[] { new MonitorPosition(7, 10.01, 30.0), new MonitorPosition(8, 50.0, 30.0) };
        var cat = new RunningCatalogue(Config, monitors);
        long nextId = 500;
        for (var t = 0; t < 3; t++)
        {
            var image = Image(t + 1, t);
            // A blind detection exactly at the monitor position: it must not match the monitor source.
            var r = cat.AssociateImage(image, new[] { Blind(100 + t, image, 10.01, 30.0) });
            var request = Assert.Single(r.ForcedFitRequests); // monitor 8 is off this image
            Assert.Equal((ForcedFitKind.Monitor, (long?)7), (request.Kind, request.MonitorId));
            var fit = Measurement(nextId++, image, ExtractType.Monitor, request.RaDeg, request.DecDeg, 0.5 + t, 0.01, monitor: 7);
            var f = cat.AssociateForcedFits(image, Array.Empty<SourceMeasurement>(), new[] { fit });
            var row = Assert.Single(f.Associations);
            Assert.Equal(t == 0 ? AssociationType.FirstMonitor : AssociationType.Monitor, row.Type);
            Assert.Equal(500, row.RuncatId);
            if (t == 0) Assert.Equal(CatalogueOrigin.Monitor, Assert.Single(f.NewEntries).Origin);
            Assert.All(r.Associations, a => Assert.Equal(100, a.RuncatId));
        }
        var sources = cat.Sources();
        Assert.Equal(2, sources.Count);
        var monitor = sources.Single(s => s.IsMonitor);
        Assert.Equal((500L, 3, 10.01, 30.0), (monitor.RuncatId, monitor.Datapoints, monitor.RaDeg, monitor.DecDeg));
        Assert.Equal(3, cat.BandFluxes().Single(b => b.RuncatId == 500).FDatapoints);
    }

    [Fact]
    public void ForcedFitsForAForkedAwaySourceAreDroppedNotLost()
    {
        var cat = new RunningCatalogue(Config);
        var a = Image(1, 0, band: 1, frequencyHz: 120e6);
        cat.AssociateImage(a, new[] { Blind(1, a, 10, 30) });
        cat.AssociateForcedFits(a, Array.Empty<SourceMeasurement>(), Array.Empty<SourceMeasurement>());
        var miss = Image(2, 1, band: 1, frequencyHz: 120e6);
        var request = Assert.Single(cat.AssociateImage(miss, Array.Empty<SourceMeasurement>()).ForcedFitRequests);
        var split = Image(3, 1, band: 2, frequencyHz: 160e6);
        cat.AssociateImage(split, new[] { Blind(5, split, 10, 30 + 3 * Arcsec), Blind(6, split, 10, 30 - 3 * Arcsec) });
        var fit = Measurement(9, miss, ExtractType.NullDetection, request.RaDeg, request.DecDeg, 0.001, 0.01, runcat: request.RuncatId);
        var r = cat.AssociateForcedFits(miss, new[] { fit }, Array.Empty<SourceMeasurement>());
        Assert.Empty(r.Associations);
        Assert.Equal(new long[] { 9 }, r.DroppedExtractionIds);
    }
}
