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
    /// for truncated or non-FITS input.
    /// </summary>
    public static FitsHeader? Read(Stream stream, string file)
    {
        var block = new byte[BlockSize];
        var images = new List<string>();
        var first = true;
        while (true)
        {
            var got = ReadFully(stream, block);
            if (got == 0 && first) return null;
            if (got < BlockSize)
            {
                throw new FitsFormatException(file,
                    $"the file ends inside a header block ({got} of {BlockSize} bytes)",
                    "The file is truncated; copy or download it again.");
            }
            if (first && !StartsWithKeyword(block))
            {
                throw new FitsFormatException(file, "this is not a FITS file (no SIMPLE or XTENSION card at the start)",
                    "Check the path; only FITS files, .fits.gz files and CASA image folders are read.");
            }
            first = false;
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

    private static bool StartsWithKeyword(byte[] block) =>
        Encoding.ASCII.GetString(block, 0, 8) is "SIMPLE  " or "XTENSION";

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
