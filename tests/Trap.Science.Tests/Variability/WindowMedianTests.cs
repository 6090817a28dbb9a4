using Trap.Science.Variability;

namespace Trap.Science.Tests.Variability;

/// <summary>The window's running median equals sorting the window's values, at every step.</summary>
public class WindowMedianTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 6)]
    [InlineData(3, 25)]
    public void EqualsTheMedianOfTheSortedWindowAtEveryStep(int seed, int window)
    {
        var random = new Random(seed);
        var median = new WindowMedian();
        var values = new List<double>();
        for (var n = 0; n < 20 * window; n++)
        {
            // Repeats, negatives and a NaN now and then.
            var value = random.Next(30) == 0 ? double.NaN : Math.Round(random.NextDouble() * 4 - 1, 1);
            median.Add(value, values.Count >= window ? values[^window] : null);
            values.Add(value);
            var sorted = values.TakeLast(window).Order().ToArray();
            var mid = sorted.Length / 2;
            Assert.Equal(sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0, median.Median);
        }
    }

    [Fact]
    public void AValueTheWindowDoesNotHoldCannotLeaveIt()
    {
        var median = new WindowMedian();
        median.Add(1.0, null);
        Assert.Throws<InvalidOperationException>(() => median.Add(2.0, 3.0));
    }
}
