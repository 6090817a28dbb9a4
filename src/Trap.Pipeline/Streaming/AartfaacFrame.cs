using System.Buffers.Binary;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// One image as the AARTFAAC imager streams it over TCP (docs/streaming.md): a 512-byte header (bytes
/// 0–7 the magic 0x47494A53484F4D4F, 8–11 the FITS header's length, 12–15 the data's length, all
/// little-endian; the rest zero), then the FITS header text, then the pixels as little-endian float32.
/// </summary>
public sealed record AartfaacFrame(byte[] FitsHeader, byte[] Pixels)
{
    public const ulong Magic = 0x47494A53484F4D4F;
    public const int HeaderLength = 512;

    /// <summary>Largest FITS header or pixel block accepted (a guard against a corrupt length field).</summary>
    public const int MaxPartBytes = 1 << 30;

    public byte[] EncodeHeader()
    {
        var header = new byte[HeaderLength];
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)FitsHeader.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)Pixels.Length);
        return header;
    }

    /// <summary>Reads one frame (blocking); null at a clean end of stream; throws <see cref="InvalidDataException"/> for a broken one.</summary>
    public static AartfaacFrame? Read(Stream stream)
    {
        var header = new byte[HeaderLength];
        var got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got == 0) return null;
        if (got < HeaderLength) throw new InvalidDataException($"the feed closed inside a frame header ({got} of {HeaderLength} bytes)");
        var magic = BinaryPrimitives.ReadUInt64LittleEndian(header);
        if (magic != Magic) throw new InvalidDataException($"frame header magic is 0x{magic:X16}, not 0x{Magic:X16}: not an AARTFAAC image stream");
        var fitsLength = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
        var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        if (fitsLength > MaxPartBytes || dataLength > MaxPartBytes || dataLength % 4 != 0)
            throw new InvalidDataException($"frame announces a {fitsLength}-byte FITS header and {dataLength} bytes of float32 pixels: not plausible");
        var fits = new byte[fitsLength];
        var pixels = new byte[dataLength];
        stream.ReadExactly(fits);
        stream.ReadExactly(pixels);
        return new AartfaacFrame(fits, pixels);
    }

    /// <summary>The image as a FITS file: the header text padded to 2880-byte blocks, then big-endian float32 pixels, padded.</summary>
    public void WriteFits(Stream output)
    {
        const int block = 2880;
        output.Write(FitsHeader);
        output.Write(Enumerable.Repeat((byte)' ', Padding(FitsHeader.Length, block)).ToArray());
        var bigEndian = new byte[Pixels.Length];
        for (var i = 0; i < Pixels.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bigEndian.AsSpan(i), BinaryPrimitives.ReadUInt32LittleEndian(Pixels.AsSpan(i)));
        }
        output.Write(bigEndian);
        output.Write(new byte[Padding(Pixels.Length, block)]);
    }

    private static int Padding(int length, int block) => (block - length % block) % block;
}
