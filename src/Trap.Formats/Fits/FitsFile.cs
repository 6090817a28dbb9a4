using System.IO.Compression;

namespace Trap.Formats.Fits;

/// <summary>
/// Reads images from FITS files (plain or whole-file gzip, recognised by its magic bytes). The image
/// is the first HDU with NAXIS ≥ 2 and data; tile-compressed images, random groups and files without
/// an image are refused with a <see cref="FitsFormatException"/> that says what to do.
/// Pixels are float32, index = y × NAXIS1 + x, with BSCALE/BZERO applied and BLANK (integer data
/// only) turned into NaN. A cube (<see cref="FitsImageHdu.IsCube"/>) yields one plane, plane 0 by default.
/// </summary>
public static class FitsFile
{
    private const int FileBufferBytes = 1 << 16;

    /// <summary>Reads only the header of the image HDU (for planning a job without pixels). Works on
    /// a header whose data are missing.</summary>
    public static FitsImageHdu ReadImageHeader(string path)
    {
        using var stream = Open(path);
        return FitsHduWalker.FindImage(stream, path).Hdu;
    }

    /// <summary>Reads the image header from a stream positioned at the start of FITS data;
    /// <paramref name="name"/> names the input in error messages.</summary>
    public static FitsImageHdu ReadImageHeader(Stream stream, string name)
        => FromStream(stream, input => FitsHduWalker.FindImage(input, name).Hdu);

    /// <summary>Reads the image HDU and plane 0 of its data.</summary>
    public static (FitsImageHdu Hdu, float[] Pixels) ReadImage(string path) => ReadImagePlane(path, 0);

    /// <summary>Reads the image HDU and plane 0 from a stream positioned at the start of FITS data.</summary>
    public static (FitsImageHdu Hdu, float[] Pixels) ReadImage(Stream stream, string name) => ReadImagePlane(stream, name, 0);

    /// <summary>Reads one plane of a cube: plane p holds the values from p × NAXIS1 × NAXIS2 on,
    /// i.e. p = k + NAXIS3 × l for the pixel (…, k, l) of axes 3 and 4.</summary>
    public static (FitsImageHdu Hdu, float[] Pixels) ReadImagePlane(string path, long plane)
    {
        using var stream = Open(path);
        return ReadPlane(stream, path, plane);
    }

    /// <summary>As <see cref="ReadImagePlane(string, long)"/>, from a stream.</summary>
    public static (FitsImageHdu Hdu, float[] Pixels) ReadImagePlane(Stream stream, string name, long plane)
        => FromStream(stream, input => ReadPlane(input, name, plane));

    /// <summary>Opens the image HDU for reading chosen rows of plane <paramref name="plane"/> (<see cref="FitsRowReader"/>).</summary>
    public static FitsRowReader OpenRows(string path, long plane = 0)
    {
        var stream = Open(path);
        try
        {
            return new FitsRowReader(stream, path, plane);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The primary header alone, whatever the HDU holds (for header-only files such as
    /// a header whose image data were stripped to one pixel).</summary>
    public static FitsHeader ReadPrimaryHeader(string path)
    {
        using var stream = Open(path);
        var header = FitsHeaderReader.Read(stream, path, 0)
            ?? throw new FitsFormatException(path, "the file is empty", "Check the path; the file may not have been written completely.");
        FitsHduLayout.FromHeader(header, path, 0);
        return header;
    }

    private static (FitsImageHdu Hdu, float[] Pixels) ReadPlane(Stream stream, string name, long plane)
    {
        var (hdu, layout) = FitsHduWalker.FindImage(stream, name);
        return (hdu, FitsPlaneReader.Read(stream, name, hdu, layout, plane));
    }

    /// <summary>Opens a file for one sequential pass, through gzip when its first bytes say so.</summary>
    private static Stream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FitsFormatException(path, "this is a directory, not a FITS file",
                "A CASA image folder is read through the CASA reader (or converted with image2fits from casacore-tools).");
        }
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes, FileOptions.SequentialScan);
        try
        {
            return IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads from a caller's stream, through gzip when it is seekable and gzip-compressed
    /// (a non-seekable gzip stream is reported by the header reader). The caller's stream stays open.</summary>
    private static T FromStream<T>(Stream stream, Func<Stream, T> read)
    {
        using var gzip = stream.CanSeek && IsGzip(stream) ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
        return read(gzip ?? stream);
    }

    /// <summary>Peeks at the gzip magic bytes 1F 8B and goes back to where the stream was.</summary>
    private static bool IsGzip(Stream stream)
    {
        var start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        var got = FitsHeaderReader.ReadFully(stream, magic);
        stream.Position = start;
        return got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }
}
