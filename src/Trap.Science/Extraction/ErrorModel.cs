namespace Trap.Science.Extraction;

/// <summary>How the errors of Gaussian fits are computed (`error_model` in job.cfg; docs/science.md, "Calibrated errors").</summary>
public enum ErrorModel
{
    /// <summary>From the fit's own pixels and the image's measured noise correlation: calibrated on white and correlated noise. The default.</summary>
    MeasuredNoise,

    /// <summary>TraP's Condon (1997) / NVSS formulae, exactly (docs/science.md §4.8), for comparisons with TraP.</summary>
    Condon,
}
