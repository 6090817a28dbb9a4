using Trap.Science.Association;

namespace Trap.Science.Tests.Association;

/// <summary>The common offset of one image's matches (docs/science.md §8.4, "Common offsets").</summary>
public class CommonImageOffsetTests
{
    /// <summary>Six sources shifted by (2″, −1″) with small errors, and one that moved 5″ on its own.</summary>
    private static readonly OffsetSample[] Shifted =
    [
        new(1, 2.01, -1.00, 0.01, 0.01), new(2, 1.99, -0.98, 0.01, 0.01), new(3, 2.00, -1.02, 0.04, 0.04),
        new(4, 2.02, -1.01, 0.01, 0.01), new(5, 1.98, -0.99, 0.04, 0.04), new(6, 2.00, -1.00, 0.01, 0.01),
        new(7, 7.00, 4.00, 0.01, 0.01),
    ];

    [Fact]
    public void AMatchGetsTheWeightedMeanOfTheOthersWithItsVariance()
    {
        var offset = CommonImageOffset.Estimate(Shifted)!;
        var first = offset.For(1);
        // The others kept (2–6; 7 moved and is left out), weighted 1/variance.
        var others = Shifted[1..6];
        var weight = others.Sum(s => 1 / s.XiVariance);
        Assert.Equal(others.Sum(s => s.Xi / s.XiVariance) / weight, first.XiArcsec, 12);
        Assert.Equal(others.Sum(s => s.Eta / s.EtaVariance) / weight, first.EtaArcsec, 12);
        Assert.Equal(1 / weight, first.XiVariance, 12);
    }

    [Fact]
    public void ASourceThatMovesIsNotTheImagesShift()
    {
        var offset = CommonImageOffset.Estimate(Shifted)!;
        var moved = offset.For(7);
        Assert.InRange(moved.XiArcsec, 1.99, 2.01);
        Assert.InRange(moved.EtaArcsec, -1.01, -0.99);
        // So its own movement is left in its position: 5″ on each axis.
        Assert.InRange(7.00 - moved.XiArcsec, 4.99, 5.01);
        // A detection that is no match (a new source, a fork) gets the same mean of all kept.
        Assert.Equal(moved, offset.For(100));
    }

    [Fact]
    public void AnImageWithoutASignificantShiftIsNotCorrected()
    {
        // Offsets scattered about 0 as their errors (σ 0.1″) say: the mean is well within its error.
        OffsetSample[] unshifted =
            [new(1, 0.05, -0.10, 0.01, 0.01), new(2, -0.08, 0.02, 0.01, 0.01), new(3, 0.12, 0.07, 0.01, 0.01),
             new(4, -0.03, -0.04, 0.01, 0.01), new(5, 0.01, 0.09, 0.01, 0.01), new(6, -0.06, -0.01, 0.01, 0.01)];
        Assert.Null(CommonImageOffset.Estimate(unshifted));
        // The same scatter about a shift of 0.2″ east: χ² = 0.2²·600 = 24 ≥ 9.21.
        Assert.NotNull(CommonImageOffset.Estimate(unshifted.Select(s => s with { Xi = s.Xi + 0.2 }).ToArray()));
    }

    [Fact]
    public void FewerThanFiveMatchesGiveNoEstimate()
    {
        Assert.Null(CommonImageOffset.Estimate(Shifted[..4]));
        // Five, but one of them moved: four are kept, too few.
        Assert.Null(CommonImageOffset.Estimate([.. Shifted[..4], Shifted[6]]));
        Assert.NotNull(CommonImageOffset.Estimate(Shifted[..5]));
    }
}
