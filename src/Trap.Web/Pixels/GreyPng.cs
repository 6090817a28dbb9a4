using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Trap.Web.Pixels;

/// <summary>
/// Pixel values drawn as a PNG (8-bit RGB, grey for sky). FITS rows run from the bottom of the sky image
/// up, PNG rows from the top down, so rows are flipped: north stays up. NaN pixels (blanked, or beyond
/// the image's edge) are drawn dark blue so they are not read as sky.
/// Written here (signature, IHDR, one zlib IDAT of unfiltered rows, IEND; CRC-32 from System.IO.Hashing)
/// because the served managed encoder, BigGustave 1.0.6, wrote wrong grey levels into a 48×48 stamp
/// (229 set, 29 shown by Chromium and read back) — see docs/web.md.
/// </summary>
public static class GreyPng
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Blank = [20, 30, 80];

    public static byte[] Encode(ReadOnlySpan<float> values, int width, int height, DisplayRange range)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;   // bits per sample
        header[9] = 2;   // colour type RGB; compression, filter and interlace methods 0
        WriteChunk(png, "IHDR", header);

        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            var line = new byte[1 + 3 * width];   // filter type 0 (none), then the row's pixels
            for (var y = 0; y < height; y++)
            {
                var row = values.Slice((height - 1 - y) * width, width);
                for (var x = 0; x < width; x++)
                {
                    var pixel = line.AsSpan(1 + 3 * x, 3);
                    if (float.IsNaN(row[x])) Blank.CopyTo(pixel);
                    else pixel.Fill(range.Grey(row[x]));
                }
                zlib.Write(line);
            }
        }
        WriteChunk(png, "IDAT", deflated.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Length, type, data, and the CRC-32 of type and data (PNG specification, section 5.3).</summary>
    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        png.Write(number);
    }
}
