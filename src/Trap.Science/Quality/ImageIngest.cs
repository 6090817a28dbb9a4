using Trap.Images;

namespace Trap.Science.Quality;

/// <summary>An ingested image: the pixels when the accessor could read them, and the QC verdict either way.</summary>
public sealed record IngestedImage(SkyImage? Image, QualityVerdict Verdict)
{
    /// <summary>The image when it was read and passed QC, else null.</summary>
    public SkyImage? Accepted => Verdict.Accepted ? Image : null;
}

/// <summary>
/// The map task's entry point: read an image and run quality control, turning any accessor failure into
/// an "unreadable" rejection carrying the accessor's message, so one bad file never stops a run.
/// </summary>
public static class ImageIngest
{
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
            var message = e.Message.Contains(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}";
            return new IngestedImage(null, ImageQualityControl.Unreadable(path, $"{e.GetType().Name}: {message}"));
        }
        return new IngestedImage(image, qc.Run(image));
    }
}
