namespace Trap.Science.Variability;

/// <summary>
/// An image's astrometric offset common to the sources about a position (docs/science.md §8.4, "Common offsets"): what is
/// subtracted from a detection's tangent-plane offset before it enters its <see cref="PositionScatter"/>, arcsec, and the
/// variance of that estimate, arcsec², which widens the detection's error.
/// </summary>
public readonly record struct ImageOffset(double XiArcsec, double EtaArcsec, double XiVariance, double EtaVariance)
{
    /// <summary>No estimate: the position enters as measured.</summary>
    public static readonly ImageOffset None = new(0, 0, 0, 0);
}
