using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Trap.Formats.Fits;

/// <summary>
/// Turns big-endian FITS data of any BITPIX into float32 physical values. The byte swaps are the
/// vectorised span overloads of <see cref="BinaryPrimitives.ReverseEndianness(ReadOnlySpan{int}, Span{int})"/>,
/// done in place on the caller's buffer.
/// </summary>
internal static class FitsPixelDecoder
{
    /// <summary>
    /// Decodes <paramref name="data"/> (exactly destination.Length values of BITPIX, big-endian) into
    /// <paramref name="destination"/>. The bytes of <paramref name="data"/> are swapped in place, so for
    /// BITPIX -32 they may be the destination's own bytes (the zero-copy read path).
    /// </summary>
    public static void Decode(Span<byte> data, Span<float> destination, int bitpix, FitsScaling scaling)
    {
        switch (bitpix)
        {
            case -32:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(data), MemoryMarshal.Cast<float, int>(destination));
                if (!scaling.IsIdentity) ScaleInPlace(destination, (float)scaling.BScale, (float)scaling.BZero);
                break;
            case -64:
                {
                    var values = MemoryMarshal.Cast<byte, long>(data);
                    BinaryPrimitives.ReverseEndianness(values, values);
                    var doubles = MemoryMarshal.Cast<long, double>(values);
                    for (var i = 0; i < destination.Length; i++) destination[i] = (float)(scaling.BZero + scaling.BScale * doubles[i]);
                    break;
                }
            case 8:
                for (var i = 0; i < destination.Length; i++) destination[i] = Physical(data[i], scaling);
                break;
            case 16:
                {
                    var values = MemoryMarshal.Cast<byte, short>(data);
                    BinaryPrimitives.ReverseEndianness(values, values);
                    for (var i = 0; i < destination.Length; i++) destination[i] = Physical(values[i], scaling);
                    break;
                }
            case 32:
                {
                    var values = MemoryMarshal.Cast<byte, int>(data);
                    BinaryPrimitives.ReverseEndianness(values, values);
                    for (var i = 0; i < destination.Length; i++) destination[i] = Physical(values[i], scaling);
                    break;
                }
            case 64:
                {
                    var values = MemoryMarshal.Cast<byte, long>(data);
                    BinaryPrimitives.ReverseEndianness(values, values);
                    for (var i = 0; i < destination.Length; i++) destination[i] = Physical(values[i], scaling);
                    break;
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(bitpix), bitpix, "BITPIX must be 8, 16, 32, 64, -32 or -64.");
        }
    }

    private static float Physical(long stored, FitsScaling scaling) =>
        stored == scaling.Blank ? float.NaN : (float)(scaling.BZero + scaling.BScale * stored);

    /// <summary>value = zero + scale × value over the whole span, a vector at a time.</summary>
    private static void ScaleInPlace(Span<float> values, float scale, float zero)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
        var vScale = new Vector<float>(scale);
        var vZero = new Vector<float>(zero);
        for (var i = 0; i < vectors.Length; i++) vectors[i] = vZero + vScale * vectors[i];
        for (var i = vectors.Length * Vector<float>.Count; i < values.Length; i++) values[i] = zero + scale * values[i];
    }
}
