using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>Input of the extraction stage: one planned image, by path, and where its outputs go.</summary>
public sealed record ImageWork(long ImageId, string Url, string WorkFolder);

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
/// What the extraction stage tells the driver of one image: its QC record (always), and for accepted
/// images the header facts, the number of blind extractions and the RMS-map range. The extractions
/// themselves stay in the working folder.
/// </summary>
public sealed record ImageSummary(
    long ImageId,
    QualityRecord Quality,
    ImageFacts? Facts,
    int SourceCount,
    double RmsMin,
    double RmsMax,
    string? ExtractionError);
