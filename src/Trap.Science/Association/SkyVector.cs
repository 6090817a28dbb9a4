namespace Trap.Science.Association;

/// <summary>
/// A unit vector on the celestial sphere (x = cosδ cosα, y = cosδ sinα, z = sinδ, as TraP's
/// extractedsource.x/y/z). All association geometry is done with these so it is the same at
/// RA 0/360 and at the poles as anywhere else.
/// </summary>
public readonly record struct SkyVector(double X, double Y, double Z)
{
    public const double DegToRad = Math.PI / 180.0;
    public const double RadToDeg = 180.0 / Math.PI;

    public static SkyVector FromRaDec(double raDeg, double decDeg)
    {
        var ra = raDeg * DegToRad;
        var dec = decDeg * DegToRad;
        var c = Math.Cos(dec);
        return new SkyVector(c * Math.Cos(ra), c * Math.Sin(ra), Math.Sin(dec));
    }

    /// <summary>Right ascension in degrees, in [0, 360).</summary>
    public double RaDeg
    {
        get
        {
            var ra = Math.Atan2(Y, X) * RadToDeg;
            if (ra < 0) ra += 360.0;
            return ra >= 360.0 ? 0.0 : ra;
        }
    }

    /// <summary>Declination in degrees (atan2 form: accurate at the poles, unlike asin).</summary>
    public double DecDeg => Math.Atan2(Z, Math.Sqrt(X * X + Y * Y)) * RadToDeg;

    public double Dot(SkyVector o) => X * o.X + Y * o.Y + Z * o.Z;

    public SkyVector Normalized()
    {
        var n = Math.Sqrt(X * X + Y * Y + Z * Z);
        return new SkyVector(X / n, Y / n, Z / n);
    }

    /// <summary>
    /// Great-circle distance in arcsec from the chord length, as TraP stores distance_arcsec:
    /// 3600·degrees(2·asin(|Δxyz|/2)) (accurate for small separations, unlike acos of the dot).
    /// </summary>
    public double DistanceArcsec(SkyVector o)
    {
        double dx = X - o.X, dy = Y - o.Y, dz = Z - o.Z;
        var chord = Math.Sqrt(dx * dx + dy * dy + dz * dz);
        return 3600.0 * RadToDeg * 2.0 * Math.Asin(Math.Min(1.0, chord / 2.0));
    }

    /// <summary>
    /// TraP's RA inflation α(θ, δ) in degrees (docs/science.md §5.1): the half-width in RA of a cone of
    /// radius θ centred at declination δ; 180 when the cone reaches within 0.1° of a pole.
    /// </summary>
    public static double RaInflationDeg(double thetaDeg, double decDeg)
    {
        if (Math.Abs(decDeg) + thetaDeg > 89.9) return 180.0;
        var theta = thetaDeg * DegToRad;
        var dec = decDeg * DegToRad;
        var denominator = Math.Sqrt(Math.Abs(Math.Cos(dec - theta) * Math.Cos(dec + theta)));
        return Math.Abs(Math.Atan(Math.Sin(theta) / denominator)) * RadToDeg;
    }
}
