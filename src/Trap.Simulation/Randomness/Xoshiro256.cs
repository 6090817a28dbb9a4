namespace Trap.Simulation.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018): a small, fast generator with a fixed algorithm, so a
/// seed gives the same numbers on every machine and every .NET version (System.Random does not
/// promise that). Not thread-safe: give each parallel task its own stream (<see cref="RandomStreams"/>).
/// </summary>
public sealed class Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four state words from a 64-bit key with SplitMix64, as the authors recommend.</summary>
    public Xoshiro256(ulong key)
    {
        _s0 = SplitMix64.Next(ref key);
        _s1 = SplitMix64.Next(ref key);
        _s2 = SplitMix64.Next(ref key);
        _s3 = SplitMix64.Next(ref key);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1]: safe to take the logarithm of.</summary>
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "must be positive");
        // Multiply-high maps 64 random bits onto [0, count) with a bias below 2^-32: negligible here.
        return (int)Math.BigMul(NextUInt64(), (ulong)count, out _);
    }

    /// <summary>One standard normal deviate (ziggurat).</summary>
    public double NextGaussian() => Ziggurat.Next(this);

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
