using Trap.Science.Quality;

namespace Trap.Pipeline.Planning;

/// <summary>
/// What planning learns of one image from its header alone (a flat record, produced by a map task).
/// <see cref="Rejection"/> is set when the header could not be read: the image is rejected with that
/// reason and explanation, and still gets an image id and an image row. <see cref="ContentHash"/>
/// identifies the file's bytes (<see cref="ImageFingerprint"/>), so a copy is found and rejected.
/// </summary>
public sealed record PlanEntry(
    string Url,
    QualityRecord? Rejection,
    DateTime StartUtc,
    double FrequencyHz,
    double BandwidthHz,
    double CentreRaDeg,
    double CentreDecDeg,
    double ExtractionRadiusDeg,
    double BeamSemiMajorDeg,
    string? ContentHash = null);
