namespace Trap.Science.Extraction.Background;

/// <summary>
/// Ascending sort of floats by an LSD radix sort on their order-preserving bit patterns: a background
/// cell of 2,500 values sorts several times faster than with a comparison sort. NaN must not occur.
/// </summary>
public static class FloatRadixSort
{
    /// <summary>Sorts <paramref name="values"/> in place; <paramref name="scratch"/> needs two arrays of at least values.Length.</summary>
    public static void Sort(Span<float> values, Span<uint> scratchA, Span<uint> scratchB)
    {
        var n = values.Length;
        if (n < 2) return;
        var keys = scratchA[..n];
        var other = scratchB[..n];
        for (var i = 0; i < n; i++)
        {
            var bits = BitConverter.SingleToUInt32Bits(values[i]);
            // Negative floats: flip all bits; positive: flip the sign bit. Unsigned order then equals float order.
            keys[i] = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        }
        Span<int> counts = stackalloc int[256];
        for (var shift = 0; shift < 32; shift += 8)
        {
            counts.Clear();
            foreach (var k in keys) counts[(int)((k >> shift) & 0xFF)]++;
            if (counts[(int)((keys[0] >> shift) & 0xFF)] == n) continue; // every key shares this byte
            var sum = 0;
            for (var b = 0; b < 256; b++)
            {
                var c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            foreach (var k in keys) other[counts[(int)((k >> shift) & 0xFF)]++] = k;
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
