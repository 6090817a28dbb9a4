using Trap.Science.Association;
using static Trap.Science.Tests.Association.AssociationFixture;

namespace Trap.Science.Tests.Association;

/// <summary>`matching = nearest` (docs/science.md §5.6): no forks, no detection counted in two sources.</summary>
public class NearestMatchingTests
{
    private static readonly AssociationConfig Nearest = new();

    [Fact]
    public void NearestIsTheDefault()
    {
        Assert.Equal(AssociationMatching.Nearest, new AssociationConfig().Matching);
    }

    [Fact]
    public void ASourceDetectedTwiceKeepsTheNearerDetectionAndTheOtherStartsASourceOfItsOwn()
    {
        var cat = new RunningCatalogue(Nearest);
        var i1 = Image(1, 0);
        cat.AssociateImage(i1, new[] { Blind(10, i1, 10, 30, flux: 1.0) });
        var i2 = Image(2, 1);
        var r = cat.AssociateImage(i2, new[] { Blind(20, i2, 10, 30 + 2 * Arcsec, flux: 1.0), Blind(21, i2, 10, 30 - 40 * Arcsec, flux: 0.1) });

        Assert.Empty(r.RetiredRuncatIds);
        Assert.Contains(r.Associations, a => (a.RuncatId, a.ExtractionId, a.Type) == (10, 20, AssociationType.OneToOne));
        var started = Assert.Single(r.NewEntries);
        Assert.Equal((21L, CatalogueOrigin.NewSource), (started.RuncatId, started.Origin));
        // The new source's light curve is its own: one point, no copied history.
        Assert.Equal(new[] { AssociationType.NewSource }, r.Associations.Where(a => a.RuncatId == 21).Select(a => a.Type));
        Assert.Equal(new long[] { 10, 21 }, cat.Sources().Select(s => s.RuncatId));
    }

    [Fact]
    public void ADetectionBetweenTwoSourcesJoinsTheNearerAndTheOtherGetsANullDetectionFit()
    {
        var cat = new RunningCatalogue(Nearest);
        var i1 = Image(1, 0);
        cat.AssociateImage(i1, new[] { Blind(1, i1, 10, 30 - 10 * Arcsec), Blind(2, i1, 10, 30 + 10 * Arcsec) });
        var i2 = Image(2, 1);
        var r = cat.AssociateImage(i2, new[] { Blind(3, i2, 10, 30 + 2 * Arcsec) });

        var row = Assert.Single(r.Associations);
        Assert.Equal((2L, 3L, AssociationType.OneToOne), (row.RuncatId, row.ExtractionId, row.Type));
        var request = Assert.Single(r.ForcedFitRequests);
        Assert.Equal((ForcedFitKind.NullDetection, (long?)1), (request.Kind, request.RuncatId));
    }
}
