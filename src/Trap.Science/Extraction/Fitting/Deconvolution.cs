namespace Trap.Science.Extraction.Fitting;

/// <summary>Deconvolved FWHM axes (any unit) and PA (deg, [0, 180)); Failures counts axes clamped to 0.</summary>
public readonly record struct DeconvolvedShape(double Major, double Minor, double PaDeg, int Failures);

/// <summary>
/// Removes the clean beam from a fitted Gaussian (docs/science.md §4.9): AIPS's DECONV algorithm on FWHM
/// axes and position angles in degrees, both measured in the same frame.
/// </summary>
public static class Deconvolution
{
    private const double HalfRad = 90 / Math.PI;

    public static DeconvolvedShape Deconvolve(double fitMajor, double fitMinor, double fitPaDeg,
        double beamMajor, double beamMinor, double beamPaDeg)
    {
        double fmaj2 = fitMajor * fitMajor, fmin2 = fitMinor * fitMinor;
        double cmaj2 = beamMajor * beamMajor, cmin2 = beamMinor * beamMinor;
        var theta = (fitPaDeg - beamPaDeg) / HalfRad; // twice the PA difference, in radians
        var det = (fmaj2 + fmin2 - (cmaj2 + cmin2)) / 2;
        var rhoc = (fmaj2 - fmin2) * Math.Cos(theta) - (cmaj2 - cmin2);
        double sigic2 = 0, rhoa = 0;
        if (rhoc != 0)
        {
            sigic2 = Math.Atan((fmaj2 - fmin2) * Math.Sin(theta) / rhoc);
            rhoa = (cmaj2 - cmin2 - (fmaj2 - fmin2) * Math.Cos(theta)) / (2 * Math.Cos(sigic2));
        }
        var pa = sigic2 * HalfRad + beamPaDeg;
        var major2 = det - rhoa;
        var minor2 = det + rhoa;
        var failures = 0;
        if (major2 < 0)
        {
            failures++;
            major2 = 0;
        }
        if (minor2 < 0)
        {
            failures++;
            minor2 = 0;
        }
        double major = Math.Sqrt(major2), minor = Math.Sqrt(minor2);
        if (major < minor)
        {
            (major, minor) = (minor, major);
            pa += 90;
        }
        pa = ((pa % 180) + 180) % 180;
        if (major == 0) pa = 0; // a point source has no orientation
        return new DeconvolvedShape(major, minor, pa, failures);
    }

    /// <summary>
    /// Deconvolved shape and its errors: DECONV re-run with each fitted value moved by ± its error, the
    /// largest change of each output taken as its error (PA changes folded into [0, 90]).
    /// </summary>
    public static (DeconvolvedShape Value, double MajorErr, double MinorErr, double PaErrDeg) WithErrors(
        double fitMajor, double fitMinor, double fitPaDeg, double majorErr, double minorErr, double paErrDeg,
        double beamMajor, double beamMinor, double beamPaDeg)
    {
        var value = Deconvolve(fitMajor, fitMinor, fitPaDeg, beamMajor, beamMinor, beamPaDeg);
        double eMaj = 0, eMin = 0, ePa = 0;
        foreach (var sign in new[] { -1.0, 1.0 })
        {
            Consider(Deconvolve(fitMajor + sign * majorErr, fitMinor, fitPaDeg, beamMajor, beamMinor, beamPaDeg));
            Consider(Deconvolve(fitMajor, fitMinor + sign * minorErr, fitPaDeg, beamMajor, beamMinor, beamPaDeg));
            Consider(Deconvolve(fitMajor, fitMinor, fitPaDeg + sign * paErrDeg, beamMajor, beamMinor, beamPaDeg));
        }
        return (value, eMaj, eMin, ePa);

        void Consider(DeconvolvedShape other)
        {
            eMaj = Math.Max(eMaj, Math.Abs(other.Major - value.Major));
            eMin = Math.Max(eMin, Math.Abs(other.Minor - value.Minor));
            var dPa = Math.Abs(other.PaDeg - value.PaDeg) % 180;
            ePa = Math.Max(ePa, Math.Min(dPa, 180 - dPa));
        }
    }
}
