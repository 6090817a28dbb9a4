using Trap.Images;

namespace Trap.Simulation.Planning;

/// <summary>
/// One image of the survey before it is rendered: where, when, which band, how noisy, which beam,
/// and what (if anything) is wrong with it. Images are indexed pointing-major, then timestep, then
/// band, which is also the order of their file names.
/// </summary>
public sealed record ImagePlan
{
    public required int Index { get; init; }

    public required int PointingIndex { get; init; }

    public required int Band { get; init; }

    public required int Timestep { get; init; }

    /// <summary>Path relative to the survey folder, with '/' separators (e.g. images/p00/p00_t0003_b01.fits).</summary>
    public required string RelativePath { get; init; }

    public required double FrequencyHz { get; init; }

    public required double BandwidthHz { get; init; }

    /// <summary>Start of the integration (UTC, whole milliseconds as written in DATE-OBS).</summary>
    public required DateTime StartUtc { get; init; }

    public required double IntegrationSeconds { get; init; }

    /// <summary>Middle of the integration in seconds since the survey start: where light curves are sampled.</summary>
    public required double MidSeconds { get; init; }

    /// <summary>Noise RMS of this image in Jy/beam (scatter and high-noise factor included).</summary>
    public required double NoiseRmsJy { get; init; }

    /// <summary>The beam the pixels are rendered with (and written, unless the beam is missing).</summary>
    public required RestoringBeam Beam { get; init; }

    public required QualityKind Quality { get; init; }
}
