using System.IO.Compression;
using System.Text;
using Trap.Formats.Casa;

namespace Trap.Images.Accessors;

/// <summary>The image formats Trap reads.</summary>
public enum ImageFormat
{
    /// <summary>A FITS file, plain or whole-file gzip.</summary>
    Fits,

    /// <summary>A CASA (casacore) image folder.</summary>
    CasaImage,
}

/// <summary>
/// Decides how to read a path: a folder whose table.info says "Type = Image" is a CASA image; a file
/// is FITS when its content starts with "SIMPLE  =" (directly or inside gzip), whatever its name
/// (.fits, .fit, .fts, .fits.gz, header-only files). Tile-compressed files (.fz) are refused with the
/// funpack remedy; a FIFO, socket or device is refused without being opened; everything else is refused
/// with a message naming the formats Trap reads.
/// </summary>
public static class ImageFormatDetector
{
    private const string Supported = "Trap reads FITS files (.fits, .fit, .fts, .fits.gz) and CASA image folders";

    public static ImageFormat Detect(string path)
    {
        if (!FileKind.IsRegularFileOrFolder(path))
        {
            throw new ImageFormatException(path, $"this is {FileKind.Describe(path)}, not an image file; Trap never opens one (reading it could block the run)",
                "Remove it from the image folder or narrow [job] images so it does not match.", fault: ImageFault.NotRegularFile);
        }
        if (Directory.Exists(path))
        {
            if (CasaImageDirectory.IsImage(path)) return ImageFormat.CasaImage;
            throw new ImageFormatException(path, "this folder is not a CASA image (no table.info saying 'Type = Image')",
                Supported + "; point Trap at the image folder itself or at image files.");
        }
        if (!File.Exists(path))
        {
            throw new ImageFormatException(path, "no such file or folder", "Check the path and the job's image list.");
        }
        if (path.EndsWith(".fz", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImageFormatException(path, "tile-compressed FITS (fpack, .fz) is not supported",
                "Decompress it first with 'funpack -O image.fits image.fits.fz' (Debian package libcfitsio-bin).");
        }
        if (StartsWithFitsCard(path)) return ImageFormat.Fits;
        throw new ImageFormatException(path, "not a FITS file (it does not start with 'SIMPLE  =', plain or gzipped) nor a CASA image",
            Supported + ".");
    }

    private static bool StartsWithFitsCard(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        try
        {
            using Stream content = isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            var start = new byte[9];
            var got = Trap.Formats.Fits.FitsHeaderReader.ReadFully(content, start);
            return got == start.Length && Encoding.ASCII.GetString(start) == "SIMPLE  =";
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
