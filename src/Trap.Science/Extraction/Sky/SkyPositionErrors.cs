using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Extraction.Sky;

/// <summary>
/// RA and Dec errors of a fitted position from its full pixel covariance (docs/science.md §4.10): the
/// covariance [[σx², cov_xy], [cov_xy, σy²]] is carried through the WCS's local Jacobian
/// J = ∂(east, north)/∂(x, y) at the source onto the tangent plane, Cov_sky = J·Cov·Jᵀ. The errors are
/// the marginal σ along east and north, with RA's as a coordinate error (σ_east / cos δ), as TraP's.
/// Exact to first order for any pixel rotation, skew or projection, the pole included.
/// </summary>
public static class SkyPositionErrors
{
    private const double Rad = Math.PI / 180;

    /// <summary>Half the pixel step of the central differences: small against the sky's curvature, large against WCS rounding.</summary>
    private const double Step = 0.01;

    /// <summary>RA (coordinate) and Dec errors in degrees; ∞ when a step leaves the WCS or the source is at a pole.</summary>
    public static (double RaErrDeg, double DecErrDeg) Of(PixelToSky wcs, double x, double y, double raDeg, double decDeg, ErrorEstimates errors)
    {
        if (!TryJacobian(wcs, x, y, raDeg, decDeg, out var j)) return (double.PositiveInfinity, double.PositiveInfinity);
        var (eastVar, northVar) = j.Propagate(errors.XErr * errors.XErr, errors.YErr * errors.YErr, errors.XYCov);
        var cosDec = Math.Cos(decDeg * Rad);
        var raErr = cosDec > 0 ? Math.Sqrt(Math.Max(0, eastVar)) / cosDec : double.PositiveInfinity;
        return (raErr, Math.Sqrt(Math.Max(0, northVar)));
    }

    /// <summary>∂(east, north)/∂(x, y) in degrees per pixel on the tangent plane at (ra, dec), by central differences.</summary>
    public static bool TryJacobian(PixelToSky wcs, double x, double y, double raDeg, double decDeg, out SkyJacobian jacobian)
    {
        jacobian = default;
        if (!TryOffset(wcs, x + Step, y, raDeg, decDeg, out var xPlus) || !TryOffset(wcs, x - Step, y, raDeg, decDeg, out var xMinus) ||
            !TryOffset(wcs, x, y + Step, raDeg, decDeg, out var yPlus) || !TryOffset(wcs, x, y - Step, raDeg, decDeg, out var yMinus))
        {
            return false;
        }
        jacobian = new SkyJacobian(
            (xPlus.East - xMinus.East) / (2 * Step), (yPlus.East - yMinus.East) / (2 * Step),
            (xPlus.North - xMinus.North) / (2 * Step), (yPlus.North - yMinus.North) / (2 * Step));
        return true;
    }

    /// <summary>
    /// East and north offsets (degrees) of the sky position of pixel (x, y) from (ra, dec): the direction
    /// cosines on the tangent plane there, exact on the sphere, so steps across the pole stay small.
    /// </summary>
    private static bool TryOffset(PixelToSky wcs, double x, double y, double raDeg, double decDeg, out (double East, double North) offset)
    {
        offset = default;
        if (!wcs(x, y, out var ra, out var dec) || !double.IsFinite(ra) || !double.IsFinite(dec) || Math.Abs(dec) > 90) return false;
        var (sinDa, cosDa) = Math.SinCos((ra - raDeg) * Rad);
        var (sinD, cosD) = Math.SinCos(dec * Rad);
        var (sinD0, cosD0) = Math.SinCos(decDeg * Rad);
        offset = (cosD * sinDa / Rad, (sinD * cosD0 - cosD * sinD0 * cosDa) / Rad);
        return true;
    }
}

/// <summary>The local linear map from pixel offsets to east/north offsets (degrees per pixel).</summary>
public readonly record struct SkyJacobian(double EastX, double EastY, double NorthX, double NorthY)
{
    /// <summary>The diagonal of J·Cov·Jᵀ for the pixel covariance (σx², σy², cov_xy): east and north variances (deg²).</summary>
    public (double East, double North) Propagate(double xVar, double yVar, double xyCov) => (
        EastX * EastX * xVar + 2 * EastX * EastY * xyCov + EastY * EastY * yVar,
        NorthX * NorthX * xVar + 2 * NorthX * NorthY * xyCov + NorthY * NorthY * yVar);
}
