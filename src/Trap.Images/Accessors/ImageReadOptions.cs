namespace Trap.Images.Accessors;

/// <summary>Choices the user can make about how images are read.</summary>
public sealed record ImageReadOptions
{
    /// <summary>A restoring beam (FWHM in degrees, PA in degrees) that replaces the header's; null = use the header.</summary>
    public RestoringBeam? BeamOverride { get; init; }

    public static ImageReadOptions Default { get; } = new();
}
