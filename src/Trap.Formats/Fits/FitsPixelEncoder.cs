using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Trap.Formats.Fits;

/// <summary>
/// Turns float32 physical values into big-endian FITS data of any BITPIX:
/// stored = (physical − BZERO) / BSCALE, rounded to the nearest integer for integer BITPIX, where NaN
/// becomes BLANK. A value that does not fit the type is an error, never clipped silently.
/// </summary>
internal static class FitsPixelEncoder
{
    /// <summary>Encodes <paramref name="values"/> into <paramref name="destination"/> (values.Length ×
    /// |BITPIX|/8 bytes). <paramref name="firstIndex"/> is the index of values[0] in the whole image, for messages.</summary>
    public static void Encode(ReadOnlySpan<float> values, Span<byte> destination, int bitpix, FitsScaling scaling, long firstIndex)
    {
        switch (bitpix)
        {
            case -32:
                {
                    var stored = MemoryMarshal.Cast<byte, float>(destination);
                    if (scaling.IsIdentity)
                    {
                        values.CopyTo(stored);
                    }
                    else
                    {
                        for (var i = 0; i < values.Length; i++) stored[i] = (float)((values[i] - scaling.BZero) / scaling.BScale);
                    }
                    var words = MemoryMarshal.Cast<float, int>(stored);
                    BinaryPrimitives.ReverseEndianness(words, words);
                    break;
                }
            case -64:
                {
                    var stored = MemoryMarshal.Cast<byte, double>(destination);
                    for (var i = 0; i < values.Length; i++) stored[i] = (values[i] - scaling.BZero) / scaling.BScale;
                    var words = MemoryMarshal.Cast<double, long>(stored);
                    BinaryPrimitives.ReverseEndianness(words, words);
                    break;
                }
            case 8:
                for (var i = 0; i < values.Length; i++) destination[i] = (byte)ToInteger(values[i], scaling, byte.MinValue, byte.MaxValue, firstIndex + i);
                break;
            case 16:
                {
                    var stored = MemoryMarshal.Cast<byte, short>(destination);
                    for (var i = 0; i < values.Length; i++) stored[i] = (short)ToInteger(values[i], scaling, short.MinValue, short.MaxValue, firstIndex + i);
                    BinaryPrimitives.ReverseEndianness(stored, stored);
                    break;
                }
            case 32:
                {
                    var stored = MemoryMarshal.Cast<byte, int>(destination);
                    for (var i = 0; i < values.Length; i++) stored[i] = (int)ToInteger(values[i], scaling, int.MinValue, int.MaxValue, firstIndex + i);
                    BinaryPrimitives.ReverseEndianness(stored, stored);
                    break;
                }
            case 64:
                {
                    var stored = MemoryMarshal.Cast<byte, long>(destination);
                    for (var i = 0; i < values.Length; i++) stored[i] = ToInteger(values[i], scaling, long.MinValue, long.MaxValue, firstIndex + i);
                    BinaryPrimitives.ReverseEndianness(stored, stored);
                    break;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(bitpix), bitpix, "BITPIX must be 8, 16, 32, 64, -32 or -64.");
        }
    }

    private static long ToInteger(float value, FitsScaling scaling, long min, long max, long index)
    {
        if (float.IsNaN(value))
        {
            var blank = scaling.Blank ?? throw new ArgumentException(
                $"Pixel {index} is NaN, but integer data need a BLANK keyword in the header to mark it; add BLANK or write BITPIX -32.");
            if (blank < min || blank > max)
            {
                throw new ArgumentOutOfRangeException(nameof(scaling), $"BLANK = {blank} is outside BITPIX's range [{min}, {max}]; choose a BLANK the type can store.");
            }
            return blank;
        }
        var stored = Math.Round((value - scaling.BZero) / scaling.BScale);
        // (double)long.MaxValue rounds up to 2^63, so the upper test must be strict for 64-bit data.
        if (!(stored >= min && (max == long.MaxValue ? stored < 9.223372036854775808E18 : stored <= max)))
        {
            throw new ArgumentOutOfRangeException(nameof(value),
                $"Pixel {index} = {value} is stored as {stored}, outside BITPIX's range [{min}, {max}]; choose BSCALE/BZERO that fit the data or write BITPIX -32.");
        }
        return (long)stored;
    }
}
