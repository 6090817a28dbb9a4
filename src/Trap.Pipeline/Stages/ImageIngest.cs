using Trap.Images;
using Trap.Images.Accessors;

namespace Trap.Science.Quality;

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
/// The map task's entry point: read an image and run quality control, turning any accessor failure into
/// a rejection carrying the accessor's message, so one bad file never stops a run.
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
    public static QualityVerdict Rejected(string path, Exception error) =>
        ImageQualityControl.Unreadable(path, ReasonFor(error), Explain(path, error));

    /// <summary>
    /// The accessor refuses images without a usable beam or start time (Trap, unlike TraP, does not
    /// guess them), paths that are not regular files, images beyond the memory budget and implausible
    /// header values; those get their own reasons. Every other failure is "unreadable".
    /// </summary>
    private static RejectReason ReasonFor(Exception e) => (e as ImageFormatException)?.Fault switch
    {
        ImageFault.MissingBeam => RejectReason.MissingBeam,
        ImageFault.MissingStartTime => RejectReason.MissingTime,
        ImageFault.NotRegularFile => RejectReason.NotRegularFile,
        ImageFault.TooLarge => RejectReason.TooLarge,
        ImageFault.ImplausibleHeader => RejectReason.ImplausibleHeader,
        _ => RejectReason.Unreadable,
    };

    private static string Explain(string path, Exception e) =>
        e is ImageFormatException || e.Message.Contains(path, StringComparison.Ordinal)
            ? e.Message
            : $"{e.GetType().Name}: {path}: {e.Message}";
}
