using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Trap.Formats.Fits;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// One image as the AARTFAAC imager streams it over TCP (docs/streaming.md): a 512-byte header (bytes
/// 0–7 the magic 0x47494A53484F4D4F, 8–11 the FITS header's length, 12–15 the data's length, all
/// little-endian; the rest zero), then the FITS header text, then the pixels as little-endian float32.
/// </summary>
public static class AartfaacFrame
{
    public const ulong Magic = 0x47494A53484F4D4F;
    public const int HeaderLength = 512;

    /// <summary>Largest FITS header or pixel block accepted (a guard against a corrupt length field).</summary>
    public const int MaxPartBytes = 1 << 30;

    /// <summary>
    /// A float32 FITS image file as one frame's bytes, ready for a single socket write: the frame header,
    /// the file's header blocks as they are, its pixels as little-endian float32. Each part is read
    /// straight into its place and the pixels swapped there (vectorised), with no other copy.
    /// </summary>
    public static byte[] Encode(string fitsFile)
    {
        var hdu = FitsFile.ReadImageHeader(fitsFile);
        if (hdu.Header.GetInt("BITPIX") != -32) throw new InvalidDataException($"{fitsFile}: the AARTFAAC feed carries float32 images (BITPIX = -32)");
        var count = hdu.Axes.Aggregate(1L, (n, axis) => n * axis);
        if (hdu.DataOffset > MaxPartBytes || count * 4 > MaxPartBytes || HeaderLength + hdu.DataOffset + count * 4 > Array.MaxLength)
            throw new InvalidDataException($"{fitsFile}: too large for one AARTFAAC frame ({hdu.DataOffset} header bytes, {count} pixels)");
        var (fitsLength, dataLength) = ((int)hdu.DataOffset, (int)(count * 4));
        var frame = GC.AllocateUninitializedArray<byte>(HeaderLength + fitsLength + dataLength);
        frame.AsSpan(0, HeaderLength).Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(frame, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), (uint)fitsLength);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(12), (uint)dataLength);
        using (var file = File.OpenRead(fitsFile))
        {
            file.ReadExactly(frame, HeaderLength, fitsLength);
            try
            {
                file.ReadExactly(frame, HeaderLength + fitsLength, dataLength);
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"{fitsFile}: the file ends before its {count} pixels");
            }
        }
        // FITS stores float32 big-endian, the feed little-endian: the bytes of each word swap, whatever the machine.
        SwapWords(frame.AsSpan(HeaderLength + fitsLength, dataLength));
        return frame;
    }

    /// <summary>The frame's FITS header text (a view into <paramref name="frame"/>).</summary>
    public static Span<byte> FitsHeader(byte[] frame) =>
        frame.AsSpan(HeaderLength, (int)BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(8)));

    /// <summary>Reverses the bytes of each 4-byte word in place (big- to little-endian float32 or back; vectorised).</summary>
    public static void SwapWords(Span<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, uint>(bytes);
        BinaryPrimitives.ReverseEndianness(words, words);
    }
}
