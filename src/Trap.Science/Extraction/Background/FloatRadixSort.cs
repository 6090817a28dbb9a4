using System.Runtime.CompilerServices;

namespace Trap.Science.Extraction.Background;

/// <summary>
/// Ascending sort of floats by an LSD radix sort (three 11-bit digits) on their order-preserving bit
/// patterns; all three digit histograms come from one pass over the values. A background cell of
/// 2,500 values sorts faster than with a comparison sort. The first digit pass reads the floats and
/// the last writes them back, so no pass is spent converting to and from keys (the sort is the
/// background grid's largest cost). NaN must not occur.
/// </summary>
public static class FloatRadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const uint DigitMask = Buckets - 1;

    /// <summary>Sorts <paramref name="values"/> in place; the two scratch spans need at least values.Length each.</summary>
    [SkipLocalsInit] // the histogram is cleared explicitly
    public static void Sort(Span<float> values, Span<uint> scratchA, Span<uint> scratchB)
    {
        var n = values.Length;
        if (n < 2) return;
        Span<int> counts = stackalloc int[3 * Buckets];
        counts.Clear();
        foreach (var v in values)
        {
            var k = Key(v);
            counts[(int)(k & DigitMask)]++;
            counts[Buckets + (int)((k >> Bits) & DigitMask)]++;
            counts[2 * Buckets + (int)(k >> (2 * Bits))]++;
        }

        // Digits every key shares need no pass; the others become offsets (exclusive prefix sums).
        Span<int> digits = stackalloc int[3];
        var passes = 0;
        var first = Key(values[0]);
        for (var digit = 0; digit < 3; digit++)
        {
            var count = counts.Slice(digit * Buckets, Buckets);
            if (count[(int)((first >> (digit * Bits)) & DigitMask)] == n) continue;
            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = count[b];
                count[b] = sum;
                sum += c;
            }
            digits[passes++] = digit;
        }
        if (passes == 0) return; // every value has the same bits

        var keys = scratchA[..n];
        var other = scratchB[..n];
        ScatterFromValues(values, keys, Offsets(counts, digits[0]), digits[0] * Bits);
        for (var p = 1; p < passes - 1; p++)
        {
            Scatter(keys, other, Offsets(counts, digits[p]), digits[p] * Bits);
            var swap = keys;
            keys = other;
            other = swap;
        }
        if (passes == 1)
        {
            for (var i = 0; i < n; i++) values[i] = FromKey(keys[i]);
            return;
        }
        ScatterToValues(keys, values, Offsets(counts, digits[passes - 1]), digits[passes - 1] * Bits);
    }

    private static Span<int> Offsets(Span<int> counts, int digit) => counts.Slice(digit * Buckets, Buckets);

    private static void ScatterFromValues(ReadOnlySpan<float> from, Span<uint> to, Span<int> offsets, int shift)
    {
        foreach (var v in from)
        {
            var k = Key(v);
            to[offsets[(int)((k >> shift) & DigitMask)]++] = k;
        }
    }

    private static void Scatter(ReadOnlySpan<uint> from, Span<uint> to, Span<int> offsets, int shift)
    {
        foreach (var k in from) to[offsets[(int)((k >> shift) & DigitMask)]++] = k;
    }

    private static void ScatterToValues(ReadOnlySpan<uint> from, Span<float> to, Span<int> offsets, int shift)
    {
        foreach (var k in from) to[offsets[(int)((k >> shift) & DigitMask)]++] = FromKey(k);
    }

    /// <summary>
    /// Negative floats: all bits flipped; positive: the sign bit flipped. Unsigned order then equals
    /// float order. Without branches: noise has random signs, so a branch would mispredict half the time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Key(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return bits ^ ((uint)((int)bits >> 31) | 0x8000_0000u);
    }

    /// <summary>The inverse of <see cref="Key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float FromKey(uint key) => BitConverter.UInt32BitsToSingle(key ^ ((uint)((int)~key >> 31) | 0x8000_0000u));
}
