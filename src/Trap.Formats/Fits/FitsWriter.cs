using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Trap.Formats.Fits;

/// <summary>Writes single-HDU FITS images (used by the survey generator and by tests).</summary>
public static class FitsWriter
{
    private const int ChunkValues = 1 << 16;

    /// <summary>Cards the writer generates or that would be wrong once the data are rewritten.</summary>
    private static readonly HashSet<string> GeneratedKeywords = new(StringComparer.Ordinal)
    {
        "SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "GROUPS", "END", "CHECKSUM", "DATASUM",
    };

    /// <summary>
    /// Writes a primary HDU: SIMPLE/BITPIX/NAXIS/NAXISn are generated from <paramref name="axes"/> and
    /// <paramref name="bitpix"/>, then every card of <paramref name="header"/> in order (its own
    /// structural cards, CHECKSUM/DATASUM, and BLANK for float BITPIX are left out), then the data
    /// (float32 pixels converted to BITPIX with BSCALE/BZERO from the header, NaN as BLANK for integer
    /// BITPIX), big-endian and padded to 2880 bytes. A path ending in ".gz" is gzipped. The file is
    /// written beside the target and renamed, so a reader never sees half a file.
    /// </summary>
    public static void Write(string path, FitsHeader header, ReadOnlySpan<float> pixels, int[] axes, int bitpix = -32)
    {
        var temporary = path + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                {
                    using var gzip = new GZipStream(file, CompressionLevel.Optimal);
                    Write(gzip, header, pixels, axes, bitpix);
                }
                else
                {
                    Write(file, header, pixels, axes, bitpix);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>As <see cref="Write(string, FitsHeader, ReadOnlySpan{float}, int[], int)"/>, as plain
    /// (uncompressed) FITS to a stream, which is left open.</summary>
    public static void Write(Stream stream, FitsHeader header, ReadOnlySpan<float> pixels, int[] axes, int bitpix = -32)
    {
        CheckShape(pixels.Length, axes, bitpix);
        WriteHeader(stream, header, axes, bitpix);
        WriteData(stream, pixels, bitpix, FitsScaling.FromHeader(header, bitpix));
    }

    private static void CheckShape(int pixelCount, int[] axes, int bitpix)
    {
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
        {
            throw new ArgumentOutOfRangeException(nameof(bitpix), bitpix, "BITPIX must be 8, 16, 32, 64, -32 or -64.");
        }
        if (axes.Length is 0 or > 999 || axes.Any(n => n <= 0))
        {
            throw new ArgumentException($"Axes must be 1 to 999 positive lengths; got [{string.Join(", ", axes)}].", nameof(axes));
        }
        var count = axes.Aggregate(1L, (product, n) => product * n);
        if (count != pixelCount)
        {
            throw new ArgumentException($"The axes [{string.Join(" × ", axes)}] hold {count} pixels but {pixelCount} were given.", nameof(axes));
        }
    }

    private static void WriteHeader(Stream stream, FitsHeader header, int[] axes, int bitpix)
    {
        var structural = new List<FitsCard>
        {
            FitsCard.OfLogical("SIMPLE", true, "conforms to FITS standard"),
            FitsCard.OfInteger("BITPIX", bitpix, "bits per data value"),
            FitsCard.OfInteger("NAXIS", axes.Length, "number of data axes"),
        };
        structural.AddRange(axes.Select((n, i) => FitsCard.OfInteger($"NAXIS{i + 1}", n)));
        var images = structural.SelectMany(FitsCardFormatter.Format).ToList();
        foreach (var card in header.Cards)
        {
            if (IsGenerated(card.Keyword) || (bitpix < 0 && card.Keyword == "BLANK")) continue;
            images.AddRange(FitsCardFormatter.Format(card));
        }
        images.Add("END".PadRight(FitsCardParser.CardLength));
        var cardsPerBlock = FitsHeaderReader.BlockSize / FitsCardParser.CardLength;
        while (images.Count % cardsPerBlock != 0) images.Add(new string(' ', FitsCardParser.CardLength));
        stream.Write(Encoding.ASCII.GetBytes(string.Concat(images)));
    }

    private static bool IsGenerated(string keyword) =>
        GeneratedKeywords.Contains(keyword) ||
        (keyword.StartsWith("NAXIS", StringComparison.Ordinal) && keyword.Length > 5 && keyword[5..].All(char.IsAsciiDigit));

    private static void WriteData(Stream stream, ReadOnlySpan<float> pixels, int bitpix, FitsScaling scaling)
    {
        var bytesPerValue = Math.Abs(bitpix) / 8;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkValues * bytesPerValue);
        try
        {
            for (var start = 0; start < pixels.Length; start += ChunkValues)
            {
                var count = Math.Min(ChunkValues, pixels.Length - start);
                var chunk = buffer.AsSpan(0, count * bytesPerValue);
                FitsPixelEncoder.Encode(pixels.Slice(start, count), chunk, bitpix, scaling, start);
                stream.Write(chunk);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var dataBytes = (long)pixels.Length * bytesPerValue;
        var padding = (int)((FitsHeaderReader.BlockSize - dataBytes % FitsHeaderReader.BlockSize) % FitsHeaderReader.BlockSize);
        stream.Write(new byte[padding]);
    }
}
