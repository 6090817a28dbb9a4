using System.Text;

namespace Trap.Formats.Fits;

/// <summary>Reads one header (a whole number of 2880-byte blocks ending with END) from a stream.</summary>
public static class FitsHeaderReader
{
    public const int BlockSize = 2880;
    private const int CardsPerBlock = BlockSize / FitsCardParser.CardLength;

    /// <summary>
    /// Reads header blocks from the stream's current position up to and including the block with END.
    /// Returns null at a clean end of stream (no more HDUs). Throws <see cref="FitsFormatException"/>
    /// for truncated or non-FITS input. <paramref name="hduIndex"/> only sharpens the messages.
    /// </summary>
    public static FitsHeader? Read(Stream stream, string file, int hduIndex = 0) =>
        Read(stream, file, hduIndex, out _);

    /// <summary>As <see cref="Read(Stream, string, int)"/>, also giving the header's size in bytes
    /// (needed to locate the data on streams without a position, such as gzip).</summary>
    public static FitsHeader? Read(Stream stream, string file, int hduIndex, out long headerBytes)
    {
        headerBytes = 0;
        var block = new byte[BlockSize];
        var images = new List<string>();
        var first = true;
        while (true)
        {
            var got = ReadFully(stream, block);
            if (got == 0 && first) return null;
            if (first) CheckStart(block.AsSpan(0, got), file, hduIndex);
            if (got < BlockSize)
            {
                throw new FitsFormatException(file,
                    $"the file ends inside a header block of HDU {hduIndex} ({got} of {BlockSize} bytes)",
                    "The file is truncated; copy or download it again.");
            }
            first = false;
            headerBytes += BlockSize;
            for (var i = 0; i < CardsPerBlock; i++)
            {
                var card = Encoding.ASCII.GetString(block, i * FitsCardParser.CardLength, FitsCardParser.CardLength);
                images.Add(card);
                if (card.StartsWith("END", StringComparison.Ordinal) && card.AsSpan(3).Trim().IsEmpty)
                {
                    return FitsHeader.FromCardImages(images);
                }
            }
        }
    }

    /// <summary>The first header of a file starts with SIMPLE, every later one with XTENSION.</summary>
    private static void CheckStart(ReadOnlySpan<byte> start, string file, int hduIndex)
    {
        var keyword = start.Length >= 8 ? Encoding.ASCII.GetString(start[..8]) : string.Empty;
        if (hduIndex == 0 && keyword == "SIMPLE  ") return;
        if (hduIndex > 0 && keyword == "XTENSION") return;
        if (start.Length >= 2 && start[0] == 0x1F && start[1] == 0x8B)
        {
            throw new FitsFormatException(file, "the data are gzip-compressed",
                "Pass the file by path (gzip is detected there) or wrap the stream in a GZipStream.");
        }
        if (hduIndex == 0)
        {
            throw new FitsFormatException(file, "this is not a FITS file (it does not start with SIMPLE =)",
                "Check the path; only FITS files, .fits.gz files and CASA image folders are read.");
        }
        throw new FitsFormatException(file, $"the bytes after HDU {hduIndex - 1} are not a FITS extension (no XTENSION card)",
            "The file is damaged after its last complete HDU; re-export it from the imager.");
    }

    /// <summary>Reads until the buffer is full or the stream ends; returns the bytes read.</summary>
    public static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
