using Trap.Formats.Casa;
using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// The one entry point for reading images: detects the format (<see cref="ImageFormatDetector"/>),
/// parses the headers (<see cref="FitsImageParser"/> and the telescope parsers) and, for
/// <see cref="Read"/>, plane 0 of the pixels. Every problem with an image surfaces as an
/// <see cref="ImageFormatException"/> naming the image, the problem and the remedy, so the pipeline can
/// reject that image and go on.
/// </summary>
public static class ImageReader
{
    /// <summary>Headers only, for planning a job (a CASA image is still converted by image2fits).</summary>
    public static ImageMetadata ReadMetadata(string path, ImageReadOptions? options = null) =>
        Guard(path, () =>
        {
            options ??= ImageReadOptions.Default;
            if (ImageFormatDetector.Detect(path) == ImageFormat.CasaImage) return CasaImageReader.ReadMetadata(path, options);
            var hdu = FitsFile.ReadImageHeader(path);
            return FitsImageParser.Parse(hdu.Header, hdu.Axes, path, options);
        });

    /// <summary>Metadata and plane 0 of the pixels.</summary>
    public static SkyImage Read(string path, ImageReadOptions? options = null) =>
        Guard(path, () =>
        {
            options ??= ImageReadOptions.Default;
            if (ImageFormatDetector.Detect(path) == ImageFormat.CasaImage) return CasaImageReader.Read(path, options);
            // The header first: an image the memory budget or the header checks refuse is never allocated.
            var hdu = FitsFile.ReadImageHeader(path);
            var metadata = FitsImageParser.Parse(hdu.Header, hdu.Axes, path, options);
            return new SkyImage(metadata, FitsFile.ReadImage(path).Pixels);
        });

    /// <summary>Gives the lower layers' format errors the one exception type callers catch.</summary>
    private static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FitsFormatException e)
        {
            throw new ImageFormatException(e.File, e.Problem, e.Remedy, e);
        }
        catch (CasaFormatException e)
        {
            throw new ImageFormatException(e.Image, e.Problem, e.Remedy, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageFormatException(path, "the image could not be read: " + e.Message,
                "Check that the file exists, is readable and is not being written.", e);
        }
    }
}
