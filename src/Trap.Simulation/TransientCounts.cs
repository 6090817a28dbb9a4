namespace Trap.Simulation;

/// <summary>How many sources of each time-variable kind every pointing gets (all point sources).</summary>
public sealed record TransientCounts(int Flares, int Fading, int NewSources, int Variables)
{
    public static TransientCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Flares + Fading + NewSources + Variables;
}
