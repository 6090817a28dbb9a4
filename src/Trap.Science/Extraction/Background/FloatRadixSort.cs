using System.Runtime.CompilerServices;

namespace Trap.Science.Extraction.Background;

/// <summary>
/// Ascending sort of floats by an LSD radix sort (three 11-bit digits) on their order-preserving bit
/// patterns; all three digit histograms come from one pass over the keys. A background cell of 2,500
/// values sorts faster than with a comparison sort. NaN must not occur.
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
        var keys = scratchA[..n];
        var other = scratchB[..n];
        Span<int> counts = stackalloc int[3 * Buckets];
        counts.Clear();
        for (var i = 0; i < n; i++)
        {
            var bits = BitConverter.SingleToUInt32Bits(values[i]);
            // Negative floats: flip all bits; positive: flip the sign bit. Unsigned order then equals float order.
            var k = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
            keys[i] = k;
            counts[(int)(k & DigitMask)]++;
            counts[Buckets + (int)((k >> Bits) & DigitMask)]++;
            counts[2 * Buckets + (int)(k >> (2 * Bits))]++;
        }
        for (var digit = 0; digit < 3; digit++)
        {
            var shift = digit * Bits;
            var count = counts.Slice(digit * Buckets, Buckets);
            if (count[(int)((keys[0] >> shift) & DigitMask)] == n) continue; // every key shares this digit
            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = count[b];
                count[b] = sum;
                sum += c;
            }
            foreach (var k in keys) other[count[(int)((k >> shift) & DigitMask)]++] = k;
            var swap = keys;
            keys = other;
            other = swap;
        }
        for (var i = 0; i < n; i++)
        {
            var k = keys[i];
            var bits = (k & 0x8000_0000u) != 0 ? k & 0x7FFF_FFFFu : ~k;
            values[i] = BitConverter.UInt32BitsToSingle(bits);
        }
    }
}
