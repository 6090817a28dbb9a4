namespace Trap.Pipeline.Planning;

/// <summary>
/// One image of the plan, with the ids every stage uses: <see cref="ImageId"/> is its position in
/// observation order (time, frequency, path), so ids are the same whatever engine runs the job.
/// <see cref="Bucket"/> is the sky bucket whose reducer associates its sources.
/// </summary>
public sealed record PlannedImage(
    long ImageId,
    int Timestep,
    int BandId,
    long SkyRegionId,
    int Bucket,
    PlanEntry Header);
