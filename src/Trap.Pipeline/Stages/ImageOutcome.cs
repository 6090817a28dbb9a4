using Trap.Science.Extraction;
using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>Input of the image stage: one planned image, by path.</summary>
public sealed record ImageWork(long ImageId, string Url);

/// <summary>Header facts of an image that the output tables need (flat, from the accessor's metadata).</summary>
public sealed record ImageFacts(
    string Telescope,
    string Accessor,
    string Stokes,
    int Width,
    int Height,
    double PixelSizeXDeg,
    double PixelSizeYDeg,
    double BeamMajorFwhmDeg,
    double BeamMinorFwhmDeg,
    double BeamPaDeg,
    double BeamSemiMajorPx,
    double BeamSemiMinorPx);

/// <summary>
/// Output of the image stage for one image: its QC record (always), and for accepted images the
/// header facts, the blind extractions and the RMS-map range.
/// </summary>
public sealed record ImageOutcome(
    long ImageId,
    QualityRecord Quality,
    ImageFacts? Facts,
    IReadOnlyList<ExtractedSource> Sources,
    double RmsMin,
    double RmsMax,
    string? ExtractionError);
