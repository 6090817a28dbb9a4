namespace Trap.Images;

/// <summary>
/// An image (FITS file or CASA image folder) that cannot be read or lacks what the pipeline needs.
/// The message always names the image, what is wrong and what the user can do about it; the
/// pipeline rejects the image with this message and goes on.
/// </summary>
public sealed class ImageFormatException : Exception
{
    public ImageFormatException(string file, string problem, string remedy, Exception? inner = null,
        ImageFault fault = ImageFault.Other)
        : base($"{file}: {problem}. {remedy}", inner)
    {
        File = file;
        Problem = problem;
        Remedy = remedy;
        Fault = fault;
    }

    /// <summary>What kind of problem it is, when quality control gives that kind its own reason.</summary>
    public ImageFault Fault { get; }

    /// <summary>The image that was being read.</summary>
    public string File { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>What the user can do.</summary>
    public string Remedy { get; }
}

/// <summary>Kinds of image problems that quality control rejects with their own reason.</summary>
public enum ImageFault
{
    /// <summary>Any other problem: the image is unreadable.</summary>
    Other,

    /// <summary>No restoring beam, or one that is not a beam.</summary>
    MissingBeam,

    /// <summary>No observation start time.</summary>
    MissingStartTime,

    /// <summary>The path is a FIFO, socket or device, which Trap never opens.</summary>
    NotRegularFile,

    /// <summary>The image plane needs more memory than [job] max_image_mb allows.</summary>
    TooLarge,

    /// <summary>A header value that is missing, not finite or out of any plausible range.</summary>
    ImplausibleHeader,
}
