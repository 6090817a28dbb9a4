using Trap.Science.Association;
using Trap.Science.NewSources;
using static Trap.Science.Tests.Association.AssociationFixture;

namespace Trap.Science.Tests.NewSources;

public class NewSourceTests
{
    // Previous image: rms 1–2 mJy, threshold 8, margin 1 → low limit 9 mJy, high limit 18 mJy.
    private static NewSourceRecord? Detect(double peak, bool previousRejected = false, int previousBand = 1)
    {
        var cat = new RunningCatalogue(Config);
        var before = Image(1, 0, band: previousBand, rejected: previousRejected);
        cat.AssociateImage(before, Array.Empty<SourceMeasurement>());
        var now = Image(2, 1);
        var r = cat.AssociateImage(now, new[] { Blind(50, now, 10.2, 30.1, flux: peak * 1.1, peak: peak) });
        Assert.Equal(AssociationType.NewSource, Assert.Single(r.Associations).Type);
        return r.NewSources.SingleOrDefault();
    }

    [Fact]
    public void PossibleTransientAboveTheLowLimit()
    {
        var ns = Detect(0.012)!;
        Assert.Equal((50L, 50L, 1L, 0), (ns.RuncatId, ns.TriggerExtractionId, ns.PreviousLimitsImageId, ns.NewSourceType));
        Assert.Equal(0.0132 / 1e-3, ns.SigmaRmsMin, 9); // integrated flux over rms_min
        Assert.Equal(0.0132 / 2e-3, ns.SigmaRmsMax, 9);
    }

    [Fact]
    public void LikelyTransientAboveTheHighLimit() => Assert.Equal(1, Detect(0.019)!.NewSourceType);

    [Fact]
    public void NothingBelowTheLowLimit() => Assert.Null(Detect(0.0089));

    [Fact]
    public void NothingWhenOnlyARejectedOrOtherBandImageSawTheSky()
    {
        Assert.Null(Detect(0.05, previousRejected: true));
        Assert.Null(Detect(0.05, previousBand: 2));
    }

    [Fact]
    public void NothingOnTheFirstLookAtTheSky()
    {
        var cat = new RunningCatalogue(Config);
        var first = Image(1, 0);
        Assert.Empty(cat.AssociateImage(first, new[] { Blind(1, first, 10, 30, flux: 5.0) }).NewSources);
        // An image of another pointing, not covering the first, does not count either.
        var other = Image(2, 1, ra: 40, dec: 30, region: 2);
        Assert.Empty(cat.AssociateImage(other, new[] { Blind(2, other, 40, 30, flux: 5.0) }).NewSources);
    }

    [Fact]
    public void PicksThePreviousImageWithTheLowestLimitAndIgnoresSameTimestepImages()
    {
        var cat = new RunningCatalogue(Config);
        var noisy = Image(1, 0, rmsMin: 5e-3, rmsMax: 6e-3);
        var quiet = Image(2, 1, rmsMin: 1e-3, rmsMax: 9e-3);
        cat.AssociateImage(noisy, Array.Empty<SourceMeasurement>());
        cat.AssociateImage(quiet, Array.Empty<SourceMeasurement>());
        // A quieter image in the same timestep as the trigger (another pointing covering it) is not "earlier".
        var now = Image(3, 2, frequencyHz: 150e6);
        var sameTime = Image(4, 2, frequencyHz: 150e6, ra: 10.3, region: 3, rmsMin: 1e-5, rmsMax: 1e-5);
        cat.AssociateImage(now, Array.Empty<SourceMeasurement>());
        var r = cat.AssociateImage(sameTime, new[] { Blind(9, sameTime, 10.2, 30.0, flux: 0.05) });
        var ns = Assert.Single(r.NewSources);
        // quiet: low 9 mJy, high 81 mJy; noisy: low 45 mJy → quiet wins; 50 mJy < 81 mJy → type 0.
        Assert.Equal((2L, 0), (ns.PreviousLimitsImageId, ns.NewSourceType));
    }

    [Fact]
    public void ForksInheritTheNewSourceRow()
    {
        var cat = new RunningCatalogue(Config);
        var before = Image(1, 0);
        cat.AssociateImage(before, Array.Empty<SourceMeasurement>());
        var now = Image(2, 1);
        Assert.Single(cat.AssociateImage(now, new[] { Blind(50, now, 10, 30, flux: 0.05) }).NewSources);
        var split = Image(3, 2);
        var r = cat.AssociateImage(split, new[] { Blind(60, split, 10, 30 + 3 * Arcsec), Blind(61, split, 10, 30 - 3 * Arcsec) });
        Assert.Equal(new[] { (60L, 50L), (61L, 50L) }, r.NewSources.Select(n => (n.RuncatId, n.TriggerExtractionId)));
    }
}
