namespace Trap.Science.Extraction.Forced;

/// <summary>
/// The outcome of one forced fit at a requested sky position: the measurement, or null and the reason
/// why there is none (off the image, near the edge, masked, fit failed).
/// </summary>
public sealed record ForcedFit(double RaDeg, double DecDeg, ExtractedSource? Source, string? Failure)
{
    public bool Succeeded => Source is not null;
}
