namespace Trap.Simulation.Randomness;

/// <summary>What a random stream is used for; part of its key so streams never overlap.</summary>
public enum StreamPurpose : ulong
{
    SkyModel = 1,
    ImageNoise = 2,
    ImageDefects = 3,
    QualityAssignment = 4,
    Variability = 5,
    AstrometricJitter = 6,
}

/// <summary>
/// Independent random streams keyed by (survey seed, purpose, ids). Each image or source draws from
/// its own stream, so images can be made in any order, in parallel, or one at a time, and still get
/// the same bytes.
/// </summary>
public static class RandomStreams
{
    public static Xoshiro256 For(long seed, StreamPurpose purpose, params ReadOnlySpan<long> ids)
    {
        var key = SplitMix64.Mix(unchecked((ulong)seed) ^ 0x5EED5EED5EED5EEDUL);
        key = SplitMix64.Mix(key ^ (ulong)purpose);
        foreach (var id in ids) key = SplitMix64.Mix(key + unchecked((ulong)id) * 0x9E3779B97F4A7C15UL);
        return new Xoshiro256(key);
    }
}
