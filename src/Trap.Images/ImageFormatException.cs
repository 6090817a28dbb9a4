namespace Trap.Images;

/// <summary>
/// An image (FITS file or CASA image folder) that cannot be read or lacks what the pipeline needs.
/// The message always names the image, what is wrong and what the user can do about it; the
/// pipeline rejects the image with this message and goes on.
/// </summary>
public sealed class ImageFormatException : Exception
{
    public ImageFormatException(string file, string problem, string remedy, Exception? inner = null,
        MissingMetadata missing = MissingMetadata.None)
        : base($"{file}: {problem}. {remedy}", inner)
    {
        File = file;
        Problem = problem;
        Remedy = remedy;
        Missing = missing;
    }

    /// <summary>Which mandatory metadata the image lacks, when that is the problem (quality control gives it its own reason).</summary>
    public MissingMetadata Missing { get; }

    /// <summary>The image that was being read.</summary>
    public string File { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>What the user can do.</summary>
    public string Remedy { get; }
}

/// <summary>Mandatory metadata an image can lack.</summary>
public enum MissingMetadata
{
    None,
    /// <summary>No restoring beam, or one that is not a beam.</summary>
    Beam,
    /// <summary>No observation start time.</summary>
    StartTime,
}
