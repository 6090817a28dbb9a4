namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Error bars (docs/science.md §4.8): Condon (1997) / NVSS (Condon et al. 1998) for Gaussian fits, with
/// noise correlated over θ_B × θ_b = 2·smaj_b × 2·smin_b; Spreeuw (2010, eq. 2.81) for moments-only
/// measurements. TraP's calibration and clean-bias terms are 0.
/// </summary>
public static class CondonErrors
{
    private static readonly double Sqrt2Ln2 = Math.Sqrt(2 * Math.Log(2));

    /// <summary>Errors of a Gaussian fit; also applies the noise-bias correction P − noise²/P to the peak.</summary>
    /// <param name="fit">Fitted parameters (uncorrected peak).</param>
    /// <param name="flux">Integrated flux computed from the uncorrected peak.</param>
    public static ErrorEstimates ForFit(GaussianParameters fit, double flux, double noise, BeamShape beam)
    {
        double thetaB = beam.CorrelationMajor, thetab = beam.CorrelationMinor;
        double smaj = fit.SemiMajor, smin = fit.SemiMinor;
        var snr2 = fit.Peak * fit.Peak / (noise * noise);
        var common = smaj * smin / (thetaB * thetab) * snr2;
        var majorTerm = 1 + Math.Pow(thetaB / (2 * smaj), 2);
        var minorTerm = 1 + Math.Pow(thetab / (2 * smin), 2);
        var rho1 = Math.Sqrt(common * Math.Pow(majorTerm, 2.5) * Math.Pow(minorTerm, 0.5));
        var rho2 = Math.Sqrt(common * Math.Pow(majorTerm, 0.5) * Math.Pow(minorTerm, 2.5));
        var rho3 = Math.Sqrt(common * Math.Pow(majorTerm, 1.5) * Math.Pow(minorTerm, 1.5));
        var peak = fit.Peak - noise * noise / fit.Peak;
        var peakErr = Math.Sqrt(2) * Math.Abs(peak) / rho3;
        return Build(fit, flux, beam, peak, peakErr, rho1, rho2, Math.Abs(flux));
    }

    /// <summary>Errors of a moments-only measurement (peak not bias-corrected); all ∞ for a negative peak.</summary>
    /// <param name="threshold">The island's analysis threshold (the moments' truncation level).</param>
    public static ErrorEstimates ForMoments(GaussianParameters moments, double flux, double noise, double threshold, BeamShape beam)
    {
        var peak = moments.Peak;
        if (peak < 0) return ErrorEstimates.Unknown(peak);
        double smaj = moments.SemiMajor, smin = moments.SemiMinor;
        var shape = (peak - threshold) / (Math.Log(peak) - Math.Log(threshold));
        var rho = Math.Sqrt(16 * smaj * smin / (Math.Log(2) * beam.CorrelationMajor * beam.CorrelationMinor * noise * noise) * shape * shape);
        var peakErr = Math.Sqrt(noise * noise + beam.MaxPixVarianceFactor * peak * peak);
        return Build(moments, flux, beam, peak, peakErr, rho, rho, flux);
    }

    private static ErrorEstimates Build(GaussianParameters g, double flux, BeamShape beam, double peak, double peakErr,
        double rho1, double rho2, double fluxScale)
    {
        double smaj = g.SemiMajor, smin = g.SemiMinor;
        var (sin, cos) = Math.SinCos(g.Theta);
        var majorErr = 2 * smaj / (Sqrt2Ln2 * rho1);
        var minorErr = 2 * smin / (Sqrt2Ln2 * rho2);
        var xErr = Math.Sqrt(Math.Pow(majorErr * sin, 2) + Math.Pow(minorErr * cos, 2));
        var yErr = Math.Sqrt(Math.Pow(majorErr * cos, 2) + Math.Pow(minorErr * sin, 2));
        var smajErr = Math.Sqrt(2) * smaj / rho1;
        var sminErr = Math.Sqrt(2) * smin / rho2;
        var thetaErr = smaj > smin ? Math.Min(Math.PI, 2 * smaj * smin / ((smaj * smaj - smin * smin) * rho2)) : Math.PI;
        var beams = beam.CorrelationMajor * beam.CorrelationMinor / (4 * smaj * smin);
        var fluxErr = fluxScale * Math.Sqrt(peakErr * peakErr / (peak * peak) +
                                            beams * (Math.Pow(smajErr / smaj, 2) + Math.Pow(sminErr / smin, 2)));
        return new ErrorEstimates(peak, peakErr, fluxErr, xErr, yErr, smajErr, sminErr, thetaErr);
    }
}
