using System.Buffers;

namespace Trap.Formats.Fits;

/// <summary>
/// Walks the HDUs of a FITS stream from its start to the first image (a primary HDU or IMAGE
/// extension with NAXIS ≥ 2 and data), skipping every other HDU by its padded data size.
/// Tile-compressed images and random groups are refused with what to do instead.
/// </summary>
internal static class FitsHduWalker
{
    /// <summary>Finds the image HDU and leaves the stream at the first byte of its data.</summary>
    public static (FitsImageHdu Hdu, FitsHduLayout Layout) FindImage(Stream stream, string file)
    {
        var seen = new List<string>();
        long position = 0;
        for (var index = 0; ; index++)
        {
            var header = FitsHeaderReader.Read(stream, file, index, out var headerBytes);
            if (header is null) break;
            position += headerBytes;
            var layout = FitsHduLayout.FromHeader(header, file, index);
            if (layout.RandomGroups)
            {
                throw new FitsFormatException(file, "the primary HDU holds random groups (GROUPS = T, NAXIS1 = 0): uv visibilities, not an image",
                    "Image the visibilities first (e.g. with WSClean) and give Trap the FITS image.");
            }
            if (layout.Kind == "BINTABLE" && header.GetBool("ZIMAGE") == true)
            {
                throw new FitsFormatException(file, $"HDU {index} is a tile-compressed image (ZIMAGE = T, {header.GetString("ZCMPTYPE")?.Trim() ?? "unknown"} compression)",
                    "Decompress it first with funpack (apt package libcfitsio-bin): funpack -O image.fits image.fits.fz");
            }
            if (layout.IsImage) return (new FitsImageHdu(header, layout.Axes, index, position), layout);
            seen.Add(Describe(index, layout));
            Skip(stream, file, index, layout);
            position += layout.PaddedDataBytes;
        }
        if (seen.Count == 0)
        {
            throw new FitsFormatException(file, "the file is empty", "Check the path; the file may not have been written completely.");
        }
        throw new FitsFormatException(file, $"there is no image (an HDU with NAXIS ≥ 2 and data); the file holds {string.Join("; ", seen)}",
            "Give Trap a FITS image whose primary HDU or an IMAGE extension has at least two axes.");
    }

    /// <summary>The error for data that stop before the header says they should.</summary>
    public static FitsFormatException Truncated(string file, int hduIndex, long expected, long missing) =>
        new(file, $"the file is truncated: the data of HDU {hduIndex} need {expected:N0} bytes but {missing:N0} bytes are missing",
            "Copy or download the file again; its header alone can still be read.");

    private static string Describe(int index, FitsHduLayout layout) =>
        $"HDU {index} ({layout.Kind}, BITPIX {layout.BitPix}, NAXIS = {layout.Axes.Length}" +
        (layout.Axes.Length > 0 ? $", {string.Join("×", layout.Axes)}" : string.Empty) + ")";

    /// <summary>Moves past an HDU's data. Missing padding after the last HDU is tolerated; missing data is not.</summary>
    private static void Skip(Stream stream, string file, int index, FitsHduLayout layout)
    {
        var data = layout.DataBytes;
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining < data) throw Truncated(file, index, data, data - remaining);
            stream.Seek(Math.Min(layout.PaddedDataBytes, remaining), SeekOrigin.Current);
            return;
        }
        var skipped = Discard(stream, layout.PaddedDataBytes);
        if (skipped < data) throw Truncated(file, index, data, data - skipped);
    }

    /// <summary>Reads and drops up to <paramref name="count"/> bytes; returns how many there were.</summary>
    public static long Discard(Stream stream, long count)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long done = 0;
            while (done < count)
            {
                var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count - done));
                if (n == 0) break;
                done += n;
            }
            return done;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
