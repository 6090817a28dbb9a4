using System.Buffers.Binary;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Reads AARTFAAC frames (<see cref="AartfaacFrame"/>) from one connection straight into the bytes of
/// the FITS file each image becomes, in one buffer reused from image to image: the header text, padded
/// with spaces to 2880-byte blocks, then the pixels, read into place and swapped there to FITS's
/// big-endian (vectorised), padded with zeros. No other copy of an image is made.
/// </summary>
public sealed class AartfaacFitsReader
{
    private const int FitsBlock = 2880;

    private readonly byte[] _header = new byte[AartfaacFrame.HeaderLength];
    private byte[] _file = [];

    /// <summary>
    /// The next image as a FITS file's bytes, valid until the next call (blocking); null at a clean end
    /// of the stream. Throws <see cref="InvalidDataException"/> for a broken frame and
    /// <see cref="EndOfStreamException"/> for a stream that ends inside one.
    /// </summary>
    public ReadOnlyMemory<byte>? Next(Stream stream)
    {
        var got = stream.ReadAtLeast(_header, _header.Length, throwOnEndOfStream: false);
        if (got == 0) return null;
        if (got < _header.Length) throw new InvalidDataException($"the feed closed inside a frame header ({got} of {_header.Length} bytes)");
        var magic = BinaryPrimitives.ReadUInt64LittleEndian(_header);
        if (magic != AartfaacFrame.Magic)
            throw new InvalidDataException($"frame header magic is 0x{magic:X16}, not 0x{AartfaacFrame.Magic:X16}: not an AARTFAAC image stream");
        var fitsLength = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(8));
        var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(12));
        if (fitsLength > AartfaacFrame.MaxPartBytes || dataLength > AartfaacFrame.MaxPartBytes || dataLength % 4 != 0)
            throw new InvalidDataException($"frame announces a {fitsLength}-byte FITS header and {dataLength} bytes of float32 pixels: not plausible");
        var dataAt = Padded(fitsLength);
        var length = dataAt + Padded(dataLength);
        if (length > Array.MaxLength) throw new InvalidDataException($"frame announces a {fitsLength}-byte FITS header and {dataLength} bytes of pixels: too large for one file");
        if (_file.Length < length) _file = GC.AllocateUninitializedArray<byte>((int)length);
        var file = _file.AsSpan(0, (int)length);
        stream.ReadExactly(file[..(int)fitsLength]);
        file[(int)fitsLength..(int)dataAt].Fill((byte)' ');
        var pixels = file.Slice((int)dataAt, (int)dataLength);
        stream.ReadExactly(pixels);
        AartfaacFrame.SwapWords(pixels);
        file[(int)(dataAt + dataLength)..].Clear();
        return _file.AsMemory(0, (int)length);
    }

    private static long Padded(uint length) => (length + FitsBlock - 1L) / FitsBlock * FitsBlock;
}
