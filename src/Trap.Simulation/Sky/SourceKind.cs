namespace Trap.Simulation.Sky;

/// <summary>How a simulated source's flux behaves in time.</summary>
public enum SourceKind
{
    /// <summary>Constant flux.</summary>
    Steady,
    /// <summary>Fast linear rise to a peak, then exponential decay; absent before the rise.</summary>
    Flare,
    /// <summary>Monotonic exponential decline from the start of the survey.</summary>
    Fading,
    /// <summary>Absent before a switch-on time, constant afterwards.</summary>
    NewSource,
    /// <summary>Random log-normal modulation per timestep with a stated modulation index.</summary>
    Variable,
}
