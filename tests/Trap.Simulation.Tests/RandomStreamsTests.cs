using Trap.Simulation.Randomness;

namespace Trap.Simulation.Tests;

public class RandomStreamsTests
{
    [Fact]
    public void SameKeyGivesSameSequence()
    {
        var a = RandomStreams.For(42, StreamPurpose.ImageNoise, 7);
        var b = RandomStreams.For(42, StreamPurpose.ImageNoise, 7);
        for (var i = 0; i < 1000; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void DifferentSeedPurposeOrIdGivesDifferentSequences()
    {
        var reference = First(RandomStreams.For(42, StreamPurpose.ImageNoise, 7));
        Assert.NotEqual(reference, First(RandomStreams.For(43, StreamPurpose.ImageNoise, 7)));
        Assert.NotEqual(reference, First(RandomStreams.For(42, StreamPurpose.SkyModel, 7)));
        Assert.NotEqual(reference, First(RandomStreams.For(42, StreamPurpose.ImageNoise, 8)));
        Assert.NotEqual(reference, First(RandomStreams.For(42, StreamPurpose.ImageNoise, 7, 0)));
    }

    [Fact]
    public void XoshiroMatchesTheReferenceAlgorithmForAKnownState()
    {
        // xoshiro256** seeded by SplitMix64 from 0: the first SplitMix64 output is 0xE220A8397B1DCDAF
        // (Vigna's reference splitmix64.c), and the first xoshiro output is rotl(s1·5, 7)·9.
        ulong key = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref key));
        ulong state = 0;
        SplitMix64.Next(ref state);
        var s1 = SplitMix64.Next(ref state);
        var expected = ((s1 * 5) << 7 | (s1 * 5) >> 57) * 9;
        Assert.Equal(expected, new Xoshiro256(0).NextUInt64());
    }

    [Fact]
    public void GaussiansHaveUnitVarianceAndUniformsFillTheUnitInterval()
    {
        var rng = RandomStreams.For(1, StreamPurpose.SkyModel);
        const int n = 200_000;
        double sum = 0, sum2 = 0, uniformSum = 0;
        for (var i = 0; i < n; i++)
        {
            var g = rng.NextGaussian();
            sum += g;
            sum2 += g * g;
            var u = rng.NextDouble();
            Assert.InRange(u, 0.0, 1.0 - 1e-17);
            uniformSum += u;
        }
        Assert.InRange(sum / n, -0.01, 0.01);
        Assert.InRange(sum2 / n, 0.98, 1.02);
        Assert.InRange(uniformSum / n, 0.497, 0.503);
    }

    [Fact]
    public void GaussianDeviatesFollowTheNormalDistributionIntoTheTails()
    {
        // Fractions below z, and beyond the ziggurat's tail start (3.4426), against Φ.
        var rng = RandomStreams.For(4, StreamPurpose.ImageNoise);
        const int n = 2_000_000;
        var draws = new double[n];
        for (var i = 0; i < n; i++) draws[i] = rng.NextGaussian();
        foreach (var (z, phi) in new[] { (-2.0, 0.022750132), (-1.0, 0.158655254), (0.0, 0.5), (0.5, 0.691462461), (1.5, 0.933192799), (3.0, 0.998650102) })
        {
            var fraction = draws.Count(d => d < z) / (double)n;
            Assert.InRange(fraction, phi - 0.0015, phi + 0.0015);
        }
        var tail = draws.Count(d => Math.Abs(d) > 3.442619855899) / (double)n;
        Assert.InRange(tail, 5.76e-4 * 0.85, 5.76e-4 * 1.15);
    }

    private static ulong First(Xoshiro256 rng) => rng.NextUInt64();
}
