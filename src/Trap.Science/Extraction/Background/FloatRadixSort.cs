using System.Runtime.CompilerServices;

namespace Trap.Science.Extraction.Background;

/// <summary>
/// Ascending sort of floats by an LSD radix sort on their order-preserving bit patterns
/// (docs/science.md, "Extraction performance"). Noise has few equal high bits, so the fast path sorts
/// by the upper 22 bits only (two 11-bit digits, both histograms from one pass over the values) and
/// finishes with an insertion sort that puts the few values sharing those bits in order; when that
/// would move too many values (data of a tiny range) the full three-digit sort runs instead. Either
/// way the result is exactly sorted. The first digit pass reads the floats and the last writes them
/// back, so no pass is spent converting to and from keys (the sort is the background grid's largest
/// cost). NaN must not occur.
/// </summary>
public static class FloatRadixSort
{
    private const int Bits = 11;
    private const int Buckets = 1 << Bits;
    private const uint DigitMask = Buckets - 1;

    /// <summary>Bits the fast path leaves to the insertion sort (below its two digits).</summary>
    private const int InsertionBits = 32 - 2 * Bits;

    /// <summary>Values the insertion sort may shift per value sorted before the full sort takes over.</summary>
    private const int ShiftsPerValue = 2;

    /// <summary>Sorts <paramref name="values"/> in place; the two scratch spans need at least values.Length each.</summary>
    public static void Sort(Span<float> values, Span<uint> scratchA, Span<uint> scratchB)
    {
        if (values.Length < 2) return;
        SortUpperBits(values, scratchA);
        if (!InsertionSort(values, ShiftsPerValue * values.Length)) SortAllBits(values, scratchA, scratchB);
    }

    /// <summary>Orders the values by the upper 32 − <see cref="InsertionBits"/> bits of their keys.</summary>
    [SkipLocalsInit] // the histogram is cleared explicitly
    private static void SortUpperBits(Span<float> values, Span<uint> scratch)
    {
        var n = values.Length;
        Span<int> counts = stackalloc int[2 * Buckets];
        counts.Clear();
        foreach (var v in values)
        {
            var k = Key(v);
            counts[(int)((k >> InsertionBits) & DigitMask)]++;
            counts[Buckets + (int)(k >> (InsertionBits + Bits))]++;
        }
        Span<int> digits = stackalloc int[2];
        var passes = 0;
        var first = Key(values[0]);
        for (var digit = 0; digit < 2; digit++)
        {
            var shift = InsertionBits + digit * Bits;
            if (ToOffsets(Offsets(counts, digit), (int)((first >> shift) & DigitMask), n)) digits[passes++] = digit;
        }
        if (passes == 0) return;
        var keys = scratch[..n];
        if (passes == 1)
        {
            Scatter(values, keys, Offsets(counts, digits[0]), InsertionBits + digits[0] * Bits);
            for (var i = 0; i < n; i++) values[i] = FromKey(keys[i]);
            return;
        }
        Scatter(values, keys, Offsets(counts, 0), InsertionBits);
        Scatter(keys, values, Offsets(counts, 1), InsertionBits + Bits);
    }

    /// <summary>
    /// Insertion sort by key of values already ordered by their upper bits; false (the values then in
    /// some other order) once more than <paramref name="maxShifts"/> values had to be shifted.
    /// </summary>
    private static bool InsertionSort(Span<float> values, int maxShifts)
    {
        var shifts = 0;
        var previous = Key(values[0]);
        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var key = Key(value);
            if (key >= previous)
            {
                previous = key;
                continue;
            }
            var j = i;
            do
            {
                values[j] = values[j - 1];
                j--;
                shifts++;
            } while (j > 0 && Key(values[j - 1]) > key);
            values[j] = value;
            if (shifts > maxShifts) return false;
        }
        return true;
    }

    /// <summary>The full sort: three digits (11, 11 and 10 bits), all histograms from one pass.</summary>
    [SkipLocalsInit] // the histogram is cleared explicitly
    private static void SortAllBits(Span<float> values, Span<uint> scratchA, Span<uint> scratchB)
    {
        var n = values.Length;
        Span<int> counts = stackalloc int[3 * Buckets];
        counts.Clear();
        foreach (var v in values)
        {
            var k = Key(v);
            counts[(int)(k & DigitMask)]++;
            counts[Buckets + (int)((k >> Bits) & DigitMask)]++;
            counts[2 * Buckets + (int)(k >> (2 * Bits))]++;
        }

        // Digits every key shares need no pass.
        Span<int> digits = stackalloc int[3];
        var passes = 0;
        var first = Key(values[0]);
        for (var digit = 0; digit < 3; digit++)
        {
            if (ToOffsets(Offsets(counts, digit), (int)((first >> (digit * Bits)) & DigitMask), n)) digits[passes++] = digit;
        }
        if (passes == 0) return; // every value has the same bits

        var keys = scratchA[..n];
        var other = scratchB[..n];
        Scatter(values, keys, Offsets(counts, digits[0]), digits[0] * Bits);
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
        Scatter(keys, values, Offsets(counts, digits[passes - 1]), digits[passes - 1] * Bits);
    }

    /// <summary>
    /// Turns one digit's counts into offsets (exclusive prefix sums); false, leaving them as they are,
    /// when every one of the <paramref name="n"/> keys has the digit <paramref name="firstDigit"/> (no pass needed).
    /// </summary>
    private static bool ToOffsets(Span<int> count, int firstDigit, int n)
    {
        if (count[firstDigit] == n) return false;
        var sum = 0;
        for (var b = 0; b < count.Length; b++)
        {
            var c = count[b];
            count[b] = sum;
            sum += c;
        }
        return true;
    }

    private static Span<int> Offsets(Span<int> counts, int digit) => counts.Slice(digit * Buckets, Buckets);

    private static void Scatter(ReadOnlySpan<float> from, Span<uint> to, Span<int> offsets, int shift)
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

    private static void Scatter(ReadOnlySpan<uint> from, Span<float> to, Span<int> offsets, int shift)
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
