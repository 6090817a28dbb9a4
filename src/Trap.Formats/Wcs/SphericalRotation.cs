using Trap.Formats.Fits;

namespace Trap.Formats.Wcs;

/// <summary>
/// The rotation between native spherical coordinates (φ, θ) and celestial ones (α, δ) (FITS WCS
/// Paper II §2.3), fixed by the celestial coordinates of the native pole (αp, δp) and the native
/// longitude of the celestial pole φp. All angles in radians; the reference point is at native
/// (φ0, θ0) = (0, θ0).
/// </summary>
public sealed class SphericalRotation
{
    private const double Tolerance = 1e-12;
    private readonly double _sinPoleLat;
    private readonly double _cosPoleLat;

    private SphericalRotation(double poleLon, double poleLat, double phiPole)
    {
        PoleLongitude = poleLon;
        PoleLatitude = poleLat;
        PhiPole = phiPole;
        (_sinPoleLat, _cosPoleLat) = Math.SinCos(poleLat);
    }

    /// <summary>αp: celestial longitude of the native pole (radians).</summary>
    public double PoleLongitude { get; }

    /// <summary>δp: celestial latitude of the native pole (radians).</summary>
    public double PoleLatitude { get; }

    /// <summary>φp: native longitude of the celestial pole, i.e. LONPOLE (radians).</summary>
    public double PhiPole { get; }

    /// <summary>The LONPOLE default of the standard: 0° when δ0 ≥ θ0, else 180° (degrees in and out).</summary>
    public static double DefaultLonPoleDeg(double lat0Deg, double theta0Deg) => lat0Deg >= theta0Deg ? 0.0 : 180.0;

    /// <summary>
    /// Builds the rotation from the reference point (α0, δ0) (degrees), θ0 of the projection (radians)
    /// and the optional LONPOLE/LATPOLE (degrees; LATPOLE defaults to +90°). Throws
    /// <see cref="FitsFormatException"/> when no pole is consistent with these values.
    /// </summary>
    public static SphericalRotation Create(double lon0Deg, double lat0Deg, double theta0, double? lonPoleDeg,
        double? latPoleDeg, string file)
    {
        var theta0Deg = theta0 * 180 / Math.PI;
        var phiPole = DegToRad(lonPoleDeg ?? DefaultLonPoleDeg(lat0Deg, theta0Deg));
        var lon0 = DegToRad(lon0Deg);
        var lat0 = DegToRad(lat0Deg);
        if (Math.Abs(theta0 - Math.PI / 2) < Tolerance)
        {
            // Zenithal: the reference point is the native pole.
            return new SphericalRotation(lon0, lat0, phiPole);
        }
        var poleLat = SolvePoleLatitude(lat0, theta0, phiPole, DegToRad(latPoleDeg ?? 90.0), file);
        var poleLon = SolvePoleLongitude(lon0, lat0, theta0, phiPole, poleLat);
        return new SphericalRotation(poleLon, poleLat, phiPole);
    }

    /// <summary>δp = atan2(sin θ0, cos θ0 cos Δ) ± acos(sin δ0 / √(1 − cos²θ0 sin²Δ)), Δ = φp − φ0; the
    /// candidate in [−90°, 90°] nearest LATPOLE wins.</summary>
    private static double SolvePoleLatitude(double lat0, double theta0, double phiPole, double latPole, string file)
    {
        var (sinDelta, cosDelta) = Math.SinCos(phiPole);
        var (sinTheta0, cosTheta0) = Math.SinCos(theta0);
        var x = cosTheta0 * cosDelta;
        var y = sinTheta0;
        var z = Math.Sqrt(x * x + y * y);
        var sinLat0 = Math.Sin(lat0);
        if (z < Tolerance)
        {
            // Every δp fits when δ0 = 0; otherwise none does.
            if (Math.Abs(sinLat0) < Tolerance) return latPole;
            throw Inconsistent(file);
        }
        var ratio = sinLat0 / z;
        if (Math.Abs(ratio) > 1 + Tolerance) throw Inconsistent(file);
        var u = Math.Atan2(y, x);
        var v = Math.Acos(Math.Clamp(ratio, -1, 1));
        var first = WrapToPlusMinusPi(u + v);
        var second = WrapToPlusMinusPi(u - v);
        var limit = Math.PI / 2 + Tolerance;
        var firstOk = Math.Abs(first) <= limit;
        var secondOk = Math.Abs(second) <= limit;
        double chosen;
        if (firstOk && secondOk) chosen = Math.Abs(first - latPole) <= Math.Abs(second - latPole) ? first : second;
        else if (firstOk) chosen = first;
        else if (secondOk) chosen = second;
        else throw Inconsistent(file);
        return Math.Clamp(chosen, -Math.PI / 2, Math.PI / 2);
    }

    /// <summary>αp = α0 − atan2(sin Δ cos θ0 / cos δ0, (sin θ0 − sin δp sin δ0) / (cos δ0 cos δp)), with the
    /// degenerate cases where a pole sits on the reference point or on the native pole.</summary>
    private static double SolvePoleLongitude(double lon0, double lat0, double theta0, double phiPole, double poleLat)
    {
        var cosLat0 = Math.Cos(lat0);
        var z = Math.Cos(poleLat) * cosLat0;
        if (Math.Abs(z) < Tolerance)
        {
            if (Math.Abs(cosLat0) < Tolerance) return lon0;                     // celestial pole at the reference point
            return poleLat > 0 ? lon0 + phiPole - Math.PI : lon0 - phiPole;     // a celestial pole at the native pole
        }
        var x = (Math.Sin(theta0) - Math.Sin(poleLat) * Math.Sin(lat0)) / z;
        var y = Math.Sin(phiPole) * Math.Cos(theta0) / cosLat0;
        return lon0 - Math.Atan2(y, x);
    }

    /// <summary>Native (φ, θ) → celestial (α, δ), radians; α is not normalised.</summary>
    public (double Lon, double Lat) ToCelestial(double phi, double theta)
    {
        var (sinTheta, cosTheta) = Math.SinCos(theta);
        var (sinDphi, cosDphi) = Math.SinCos(phi - PhiPole);
        var x = sinTheta * _cosPoleLat - cosTheta * _sinPoleLat * cosDphi;
        var y = -cosTheta * sinDphi;
        var z = sinTheta * _sinPoleLat + cosTheta * _cosPoleLat * cosDphi;
        // atan2 rather than asin(z): asin loses precision near ±1, where narrow fields live.
        return (PoleLongitude + Math.Atan2(y, x), Math.Atan2(z, Math.Sqrt(x * x + y * y)));
    }

    /// <summary>Celestial (α, δ) → native (φ, θ), radians; φ in [−π, π].</summary>
    public (double Phi, double Theta) ToNative(double lon, double lat)
    {
        var (sinLat, cosLat) = Math.SinCos(lat);
        var (sinDlon, cosDlon) = Math.SinCos(lon - PoleLongitude);
        var x = sinLat * _cosPoleLat - cosLat * _sinPoleLat * cosDlon;
        var y = -cosLat * sinDlon;
        var z = sinLat * _sinPoleLat + cosLat * _cosPoleLat * cosDlon;
        return (WrapToPlusMinusPi(PhiPole + Math.Atan2(y, x)), Math.Atan2(z, Math.Sqrt(x * x + y * y)));
    }

    private static double WrapToPlusMinusPi(double angle) => Math.IEEERemainder(angle, 2 * Math.PI);

    private static double DegToRad(double deg) => deg * Math.PI / 180;

    private static FitsFormatException Inconsistent(string file) => new(file,
        "the WCS reference point (CRVAL), LONPOLE and LATPOLE admit no celestial pole",
        "Correct LONPOLE/LATPOLE in the header, or remove them to use the defaults of the FITS WCS standard.");
}
