namespace Trap.Simulation;

/// <summary>
/// The fraction of the survey's images made bad on purpose, per kind (see <see cref="QualityKind"/>).
/// Every kind with a non-zero fraction gets max(1, round(fraction × images)) images, so even a
/// small survey has at least one of each; the images are chosen by a seeded shuffle.
/// </summary>
public sealed record BadImageFractions(
    double HighNoise = 0.01,
    double BeamUndersampled = 0.01,
    double BeamOversampled = 0.01,
    double BeamElliptical = 0.01,
    double NanBlock = 0.01,
    double Truncated = 0.01,
    double MissingBeam = 0.01,
    double MissingDate = 0.01)
{
    /// <summary>A clean survey: every image good.</summary>
    public static BadImageFractions None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static BadImageFractions Default { get; } = new();

    /// <summary>The fractions in <see cref="QualityKind"/> order (Good excluded).</summary>
    public IEnumerable<(QualityKind Kind, double Fraction)> ByKind()
    {
        yield return (QualityKind.HighNoise, HighNoise);
        yield return (QualityKind.BeamUndersampled, BeamUndersampled);
        yield return (QualityKind.BeamOversampled, BeamOversampled);
        yield return (QualityKind.BeamElliptical, BeamElliptical);
        yield return (QualityKind.NanBlock, NanBlock);
        yield return (QualityKind.Truncated, Truncated);
        yield return (QualityKind.MissingBeam, MissingBeam);
        yield return (QualityKind.MissingDate, MissingDate);
    }
}
