using Trap.Science.Association;

namespace Trap.Pipeline.Planning;

/// <summary>
/// The plan of a job: every image in observation order, grouped into timesteps (exactly equal start
/// times, as TraP), with frequency bands, sky regions and sky buckets assigned job-wide.
/// </summary>
public sealed record JobPlan(
    IReadOnlyList<PlannedImage> Images,
    IReadOnlyList<IReadOnlyList<PlannedImage>> Timesteps,
    IReadOnlyList<FrequencyBand> Bands,
    IReadOnlyList<SkyRegion> Regions,
    IReadOnlyList<PlannedImage> Unreadable);
