using Trap.Pipeline.Work;

namespace Trap.Pipeline.Tests.Work;

/// <summary>Measurement ids are derived from image ids; where two would collide, Trap refuses instead.</summary>
public class MeasurementIdsTests
{
    [Fact]
    public void BlindAndForcedIdsOfNeighbouringImagesNeverMeet()
    {
        var lastBlindOfImage7 = MeasurementIds.Blind(7, MeasurementIds.PerImage - 1);
        var firstForcedOfImage7 = MeasurementIds.Forced(7, 0);
        var lastForcedOfImage7 = MeasurementIds.Forced(7, MeasurementIds.PerImage - 1);
        Assert.True(lastBlindOfImage7 < firstForcedOfImage7);
        Assert.True(lastForcedOfImage7 < MeasurementIds.Blind(8, 0));
    }

    [Theory]
    [InlineData(3, -1)]
    [InlineData(3, 1 << 19)]
    [InlineData(-1, 0)]
    public void IdsOutOfRangeAreRefused(long imageId, int index)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MeasurementIds.Blind(imageId, index));
        Assert.Contains("per image", error.Message);
    }
}
