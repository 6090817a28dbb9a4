namespace Trap.Images.Accessors;

/// <summary>Choices the user can make about how images are read.</summary>
public sealed record ImageReadOptions
{
    /// <summary>The default memory budget of one image plane, [job] max_image_mb.</summary>
    public const int DefaultMaxImageMb = 2048;

    /// <summary>A restoring beam (FWHM in degrees, PA in degrees) that replaces the header's; null = use the header.</summary>
    public RestoringBeam? BeamOverride { get; init; }

    /// <summary>The largest image plane (as float32) Trap will load; larger images are rejected (<see cref="ImageSizeBudget"/>).</summary>
    public long MaxImageBytes { get; init; } = DefaultMaxImageMb * 1024L * 1024L;

    public static ImageReadOptions Default { get; } = new();
}
