using Trap.Dataset;
using Trap.Images;
using Trap.Images.Accessors;
using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>
/// An ingested image: the pixels when the accessor could read them, and the QC verdict either way.
/// Disposing disposes the image (its pixels go back to the pool for the next image).
/// </summary>
public sealed record IngestedImage(SkyImage? Image, QualityVerdict Verdict) : IDisposable
{
    /// <summary>The image when it was read and passed QC, else null.</summary>
    public SkyImage? Accepted => Verdict.Accepted ? Image : null;

    public void Dispose() => Image?.Dispose();
}

/// <summary>
/// The map tasks' entry point to an image: read it and run quality control, so one bad file never
/// stops a run. A format error (the accessors' <see cref="ImageFormatException"/>: bad or missing
/// header values, truncated or unreadable files) is a rejection with the accessor's message. Any
/// other exception is a fault in Trap rather than in the file: the image is still rejected (the run
/// goes on), but the rejection says so and the stack goes to the process's error stream, so the fault
/// is seen and reported instead of passing for a bad file.
/// </summary>
public static class ImageIngest
{
    /// <summary>Reads the image at path with <see cref="ImageReader.Read"/> and runs the per-image checks of qc.</summary>
    public static IngestedImage Ingest(string path, ImageQualityControl qc, ImageReadOptions? options = null) =>
        Ingest(path, p => ImageReader.Read(p, options), qc);

    /// <summary>Reads the image at path with reader and runs the per-image checks of qc on it.</summary>
    public static IngestedImage Ingest(string path, Func<string, SkyImage> reader, ImageQualityControl qc)
    {
        SkyImage image;
        try
        {
            image = reader(path);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return new IngestedImage(null, Rejected(path, e));
        }
        return new IngestedImage(image, qc.Run(image));
    }

    /// <summary>The verdict for an image whose accessor threw <paramref name="error"/> (reading pixels or headers).</summary>
    public static QualityVerdict Rejected(string path, Exception error)
    {
        if (error is ImageFormatException format) return ImageQualityControl.Unreadable(path, ReasonFor(format.Fault), format.Message);
        Console.Error.WriteLine($"trap: internal error while reading {path}; the image is rejected and the run goes on:{Environment.NewLine}{error}");
        return ImageQualityControl.Unreadable(path, RejectReason.Unreadable,
            $"{path}: internal error while reading the image ({error.GetType().Name}: {error.Message}). This is a fault in Trap, " +
            "not necessarily in the file: please report it with the stack trace printed on the console.");
    }

    /// <summary>
    /// The accessor refuses images without a usable beam or start time (Trap, unlike TraP, does not
    /// guess them), paths that are not regular files, images beyond the memory budget and implausible
    /// header values; those get their own reasons. Every other format error is "unreadable".
    /// </summary>
    private static RejectReason ReasonFor(ImageFault fault) => fault switch
    {
        ImageFault.MissingBeam => RejectReason.MissingBeam,
        ImageFault.MissingStartTime => RejectReason.MissingTime,
        ImageFault.NotRegularFile => RejectReason.NotRegularFile,
        ImageFault.TooLarge => RejectReason.TooLarge,
        ImageFault.ImplausibleHeader => RejectReason.ImplausibleHeader,
        _ => RejectReason.Unreadable,
    };
}
