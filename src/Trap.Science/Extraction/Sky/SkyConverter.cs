using Trap.Formats.Wcs;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Extraction.Sky;

/// <summary>
/// From a pixel-space measurement to TraP's record (docs/science.md §4.10): centroid through the WCS, the
/// local angle of north, coordinate errors in RA and Dec (TraP's step under the Condon error model, the fit's
/// covariance through the WCS Jacobian otherwise: <see cref="SkyPositionErrors"/>), the pessimistic error radius, semi-axes in
/// arcsec and the position angle east of north. Distances use Vincenty's formula where TraP uses the
/// spherical law of cosines: equal to far below a milliarcsecond, and exact for tiny separations.
/// </summary>
public static class SkyConverter
{
    private const double Rad = Math.PI / 180;

    /// <summary>The record, or null with a reason when the centroid has no sky position or the RA/Dec errors are infinite.</summary>
    public static ExtractedSource? Convert(PixelMeasurement m, PixelToSky wcs, ExtractionConfig config, out string? reason)
    {
        var g = m.Shape;
        double x = g.X, y = g.Y;
        if (!TrySky(wcs, x, y, out var ra, out var dec))
        {
            reason = $"centroid ({x:F2}, {y:F2}) has no sky position";
            return null;
        }
        var northDeg = NorthAngleDeg(wcs, x, y, ra, dec);
        var e = m.Errors;
        var (raErr, decErr) = config.ErrorModel == ErrorModel.Condon
            ? TrapCoordinateErrors(wcs, x, y, ra, dec, northDeg * Rad, e)
            : SkyPositionErrors.Of(wcs, x, y, ra, dec, e);
        if (!double.IsFinite(raErr) || !double.IsFinite(decErr))
        {
            reason = "RA/Dec error is infinite (error box leaves the WCS or the errors are unknown)";
            return null;
        }
        var errorRadius = ErrorRadiusArcsec(wcs, x, y, ra, dec, e.XErr, e.YErr);

        var (sin, cos) = Math.SinCos(g.Theta);
        var majorScale = ArcsecPerPixel(wcs, ra, dec, x - sin * g.SemiMajor, y + cos * g.SemiMajor, g.SemiMajor);
        var minorScale = ArcsecPerPixel(wcs, ra, dec, x + cos * g.SemiMinor, y + sin * g.SemiMinor, g.SemiMinor);
        var thetaDeg = g.Theta / Rad;
        reason = null;
        return new ExtractedSource
        {
            Ra = ra,
            Dec = dec,
            RaErr = raErr,
            DecErr = decErr,
            PeakFlux = e.Peak,
            PeakFluxErr = e.PeakErr,
            IntFlux = m.Flux,
            IntFluxErr = e.FluxErr,
            DetSigma = m.Sig,
            SemiMajorArcsec = g.SemiMajor * majorScale,
            SemiMinorArcsec = g.SemiMinor * minorScale,
            PaDeg = Wrap180(thetaDeg + northDeg),
            EwSysErrArcsec = config.EwSysErrArcsec,
            NsSysErrArcsec = config.NsSysErrArcsec,
            ErrorRadiusArcsec = errorRadius,
            FitType = m.FitType,
            ChiSq = m.ChiSq,
            ReducedChiSq = m.ReducedChiSq,
            X = x,
            Y = y,
            XErr = e.XErr,
            YErr = e.YErr,
            SemiMajorErrArcsec = e.SemiMajorErr * majorScale,
            SemiMinorErrArcsec = e.SemiMinorErr * minorScale,
            PaErrDeg = e.ThetaErr / Rad,
            DeconvSemiMajorArcsec = m.Deconvolved.Major * majorScale,
            DeconvSemiMajorErrArcsec = m.DeconvolvedMajorErr * majorScale,
            DeconvSemiMinorArcsec = m.Deconvolved.Minor * minorScale,
            DeconvSemiMinorErrArcsec = m.DeconvolvedMinorErr * minorScale,
            DeconvPaDeg = m.Deconvolved.Major == 0 ? 0 : Wrap180(m.Deconvolved.PaDeg + northDeg),
            DeconvPaErrDeg = m.DeconvolvedPaErrDeg,
            DeconvFailures = m.Deconvolved.Failures,
        };
    }

    /// <summary>
    /// TraP's step (docs/science.md §4.10): σx and σy turned onto the local east/north axes as if independent,
    /// then the largest |ΔRA| and |ΔDec| of the two single-axis offset positions; ∞ when one leaves the WCS.
    /// </summary>
    private static (double RaErr, double DecErr) TrapCoordinateErrors(PixelToSky wcs, double x, double y, double ra, double dec,
        double north, ErrorEstimates e)
    {
        var xErrRot = Math.Sqrt(Math.Pow(e.XErr * Math.Cos(north), 2) + Math.Pow(e.YErr * Math.Sin(north), 2));
        var yErrRot = Math.Sqrt(Math.Pow(e.XErr * Math.Sin(north), 2) + Math.Pow(e.YErr * Math.Cos(north), 2));
        if (!TrySky(wcs, x + xErrRot, y, out var ra1, out var dec1) || !TrySky(wcs, x, y + yErrRot, out var ra2, out var dec2))
        {
            return (double.PositiveInfinity, double.PositiveInfinity);
        }
        return (Math.Max(Math.Abs(SkyGeometry.LongitudeDifferenceDeg(ra1, ra)), Math.Abs(SkyGeometry.LongitudeDifferenceDeg(ra2, ra))),
            Math.Max(Math.Abs(dec1 - dec), Math.Abs(dec2 - dec)));
    }

    /// <summary>Angle (deg) from north to the +y pixel direction, measured through east, from a one-pixel step in y.</summary>
    public static double NorthAngleDeg(PixelToSky wcs, double x, double y, double ra, double dec)
    {
        if (!TrySky(wcs, x, y + 1, out var raUp, out var decUp)) return 0;
        var east = SkyGeometry.LongitudeDifferenceDeg(raUp, ra) * Math.Cos(dec * Rad);
        var northward = decUp - dec;
        return Math.Atan2(east, northward) / Rad;
    }

    /// <summary>Largest great-circle distance (arcsec) from the centroid to the corners (x ± σx, y ± σy); ∞ off the WCS.</summary>
    private static double ErrorRadiusArcsec(PixelToSky wcs, double x, double y, double ra, double dec, double xErr, double yErr)
    {
        var radius = 0.0;
        foreach (var (sx, sy) in new[] { (1, 1), (1, -1), (-1, 1), (-1, -1) })
        {
            if (!TrySky(wcs, x + sx * xErr, y + sy * yErr, out var r, out var d)) return double.PositiveInfinity;
            radius = Math.Max(radius, SkyGeometry.SeparationDeg(ra, dec, r, d) * 3600);
        }
        return radius;
    }

    /// <summary>Arcsec per pixel along an axis: sky length of the axis divided by its pixel length.</summary>
    private static double ArcsecPerPixel(PixelToSky wcs, double ra, double dec, double endX, double endY, double pixels)
    {
        if (pixels <= 0 || !TrySky(wcs, endX, endY, out var r, out var d)) return double.NaN;
        return SkyGeometry.SeparationDeg(ra, dec, r, d) * 3600 / pixels;
    }

    private static bool TrySky(PixelToSky wcs, double x, double y, out double ra, out double dec)
    {
        var ok = wcs(x, y, out ra, out dec);
        return ok && !double.IsNaN(dec) && Math.Abs(dec) <= 90 && !double.IsNaN(ra);
    }

    private static double Wrap180(double deg) => ((deg % 180) + 180) % 180;
}
