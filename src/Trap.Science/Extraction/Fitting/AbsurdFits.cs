namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Rejects measurements whose numbers contradict themselves (docs/science.md, "Absurd fits"). TraP's
/// noise-bias correction f_peak = P − noise²/P diverges as the fitted peak P goes to 0 (a forced fit on
/// empty sky), and Condon's peak error with it; such a fit once reported f_peak = 1.728 ± 2650 Jy with
/// f_int = −7e-7 Jy and lifted its source's average f_peak from ≤ 0.04 to 0.354 Jy.
/// </summary>
public static class AbsurdFits
{
    /// <summary>Null when the measurement is sane, else what is absurd about it.</summary>
    /// <param name="noise">The RMS at the peak the errors were made with (Jy/beam).</param>
    /// <param name="ratio">The limit (absurd_fit_ratio); 0 accepts every measurement.</param>
    public static string? Check(PixelMeasurement m, BeamShape beam, double noise, double ratio)
    {
        if (ratio == 0) return null;
        var e = m.Errors;
        // f_int in peak units: the fitted peak P (f_int = P·smaj·smin / beam area).
        var beamsPerArea = m.Shape.SemiMajor * m.Shape.SemiMinor / (beam.SemiMajor * beam.SemiMinor);
        var intAsPeak = m.Flux / beamsPerArea;
        var intAsPeakErr = e.FluxErr / beamsPerArea;
        if (!double.IsFinite(e.Peak) || !double.IsFinite(intAsPeak)) return "f_peak or f_int is not finite";
        if (!(e.PeakErr <= ratio * Math.Max(Math.Abs(e.Peak), noise)))
        {
            return $"f_peak error {e.PeakErr:G3} exceeds {ratio:G} × max(|f_peak| {Math.Abs(e.Peak):G3}, noise {noise:G3})";
        }
        if (!(intAsPeakErr <= ratio * Math.Max(Math.Abs(intAsPeak), noise)))
        {
            return $"f_int error {e.FluxErr:G3} exceeds {ratio:G} × max(|f_int|, noise) in peak units";
        }
        if (Math.Abs(e.Peak) > ratio * Math.Max(Math.Abs(intAsPeak), noise))
        {
            return $"f_peak {e.Peak:G3} exceeds {ratio:G} × max(|f_int| per beam {Math.Abs(intAsPeak):G3}, noise {noise:G3})";
        }
        return null;
    }
}
