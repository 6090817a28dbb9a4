namespace Trap.Science.Extraction.Fitting;

/// <summary>Which Gaussian parameters a fit holds at their start values.</summary>
[Flags]
public enum FixedParameters
{
    None = 0,
    /// <summary>Centre fixed (forced photometry).</summary>
    Position = 1,
    /// <summary>Semi-axes and θ fixed to the restoring beam (force_beam, forced photometry).</summary>
    Shape = 2,
}
