using System.Buffers;
using System.Runtime.InteropServices;
using Trap.Formats.Buffers;

namespace Trap.Formats.Fits;

/// <summary>
/// Reads one NAXIS1×NAXIS2 plane of an image HDU as float32. BITPIX -32 is read with one sequential
/// read straight into the result's bytes and swapped in place; other BITPIX go through a pooled
/// buffer a chunk at a time. The plane is rented from <see cref="ExactLengthArrayPool{T}.Shared"/>: its
/// owner may hand it back when done with it (every value is overwritten by the next read).
/// </summary>
internal static class FitsPlaneReader
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Reads plane <paramref name="plane"/>; the stream must be at the first byte of the HDU's data.</summary>
    public static float[] Read(Stream stream, string file, FitsImageHdu hdu, FitsHduLayout layout, long plane)
    {
        if (plane < 0 || plane >= hdu.PlaneCount)
        {
            throw new ArgumentOutOfRangeException(nameof(plane), plane, $"{file}: the image has {hdu.PlaneCount} plane(s).");
        }
        if (hdu.PlaneLength > Array.MaxLength)
        {
            throw new FitsFormatException(file, $"the image plane has {hdu.PlaneLength:N0} pixels ({hdu.Width}×{hdu.Height})",
                "Planes above 2^31 pixels are not supported; cut the image into smaller fields.");
        }
        var bytesPerValue = layout.BytesPerValue;
        var planeBytes = hdu.PlaneLength * bytesPerValue;
        if (stream.CanSeek)
        {
            // A seekable file must hold all of the HDU's data, not only the plane asked for.
            var available = stream.Length - stream.Position;
            if (available < layout.DataBytes) throw FitsHduWalker.Truncated(file, hdu.HduIndex, layout.DataBytes, layout.DataBytes - available);
            stream.Seek(plane * planeBytes, SeekOrigin.Current);
        }
        else if (plane > 0)
        {
            var skipped = FitsHduWalker.Discard(stream, plane * planeBytes);
            if (skipped < plane * planeBytes)
            {
                throw FitsHduWalker.Truncated(file, hdu.HduIndex, layout.DataBytes, layout.DataBytes - skipped);
            }
        }

        var pixels = ExactLengthArrayPool<float>.Shared.Rent((int)hdu.PlaneLength);
        var scaling = FitsScaling.FromHeader(hdu.Header, layout.BitPix);
        if (layout.BitPix == -32)
        {
            var bytes = MemoryMarshal.AsBytes(pixels.AsSpan());
            ReadExactly(stream, bytes, file, hdu, layout, layout.DataBytes - (plane + 1) * planeBytes);
            FitsPixelDecoder.Decode(bytes, pixels, -32, scaling);
            return pixels;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var valuesPerChunk = ChunkBytes / bytesPerValue;
            for (var start = 0; start < pixels.Length; start += valuesPerChunk)
            {
                var count = Math.Min(valuesPerChunk, pixels.Length - start);
                var chunk = buffer.AsSpan(0, count * bytesPerValue);
                var after = layout.DataBytes - (plane * hdu.PlaneLength + start + count) * bytesPerValue;
                ReadExactly(stream, chunk, file, hdu, layout, after);
                FitsPixelDecoder.Decode(chunk, pixels.AsSpan(start, count), layout.BitPix, scaling);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return pixels;
    }

    /// <summary>Fills the span or reports the missing bytes: the rest of the span plus the
    /// <paramref name="bytesAfter"/> of the HDU's data that would follow it.</summary>
    private static void ReadExactly(Stream stream, Span<byte> destination, string file, FitsImageHdu hdu, FitsHduLayout layout, long bytesAfter)
    {
        var got = FitsHeaderReader.ReadFully(stream, destination);
        if (got < destination.Length)
        {
            throw FitsHduWalker.Truncated(file, hdu.HduIndex, layout.DataBytes, destination.Length - got + bytesAfter);
        }
    }
}
