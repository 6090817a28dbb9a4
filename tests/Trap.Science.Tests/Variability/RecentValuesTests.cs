using Trap.Science.Variability;

namespace Trap.Science.Tests.Variability;

/// <summary>The variability window's ring (docs/science.md §8.3): the last W values, oldest first, never more.</summary>
public class RecentValuesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void HoldsTheLastWValuesInOrderAsItWraps(int window)
    {
        var recent = new RecentValues(window);
        for (var n = 1; n <= 5 * window + 3; n++)
        {
            recent.Add(n);
            var expected = Enumerable.Range(1, n).TakeLast(window).Select(v => (double)v).ToArray();
            Assert.Equal(expected, recent.ToArray());
            // The two parts are the same values, oldest first.
            Assert.Equal(expected, recent.Older.ToArray().Concat(recent.Newer.ToArray()));
        }
    }

    [Fact]
    public void WindowZeroHoldsEveryValueAndACloneGoesOnSeparately()
    {
        var recent = new RecentValues(0);
        for (var n = 0; n < 100; n++) recent.Add(n);
        var clone = recent.Clone();
        clone.Add(-1);
        Assert.Equal(Enumerable.Range(0, 100).Select(v => (double)v), recent.ToArray());
        Assert.Equal(101, clone.Count);
        Assert.Equal(-1, clone.ToArray()[^1]);
    }

    [Fact]
    public void ANegativeWindowIsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => new RecentValues(-1));
}
