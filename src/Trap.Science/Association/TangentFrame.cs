namespace Trap.Science.Association;

/// <summary>
/// The gnomonic (TAN) tangent plane about a reference point: offsets ξ (towards east) and η
/// (towards north) in degrees. Used for the De Ruiter offsets and the weighted-mean positions so
/// that neither depends on where RA wraps or how fast RA turns near a pole. For separations of
/// arcseconds ξ ≈ Δα·cosδ and η ≈ Δδ to second order in the separation.
/// </summary>
public readonly struct TangentFrame
{
    private readonly SkyVector _centre;
    private readonly SkyVector _east;
    private readonly SkyVector _north;

    public TangentFrame(double raDeg, double decDeg)
    {
        var ra = raDeg * SkyVector.DegToRad;
        var dec = decDeg * SkyVector.DegToRad;
        _centre = SkyVector.FromRaDec(raDeg, decDeg);
        _east = new SkyVector(-Math.Sin(ra), Math.Cos(ra), 0.0);
        _north = new SkyVector(-Math.Sin(dec) * Math.Cos(ra), -Math.Sin(dec) * Math.Sin(ra), Math.Cos(dec));
    }

    /// <summary>The frame at a unit vector (at a pole, ξ points along RA 90°, as for RA 0 above).</summary>
    public TangentFrame(SkyVector centre)
    {
        _centre = centre;
        var h = Math.Sqrt(centre.X * centre.X + centre.Y * centre.Y);
        _east = h > 0 ? new SkyVector(-centre.Y / h, centre.X / h, 0.0) : new SkyVector(0.0, 1.0, 0.0);
        // north = centre × east
        _north = new SkyVector(-centre.Z * _east.Y, centre.Z * _east.X, centre.X * _east.Y - centre.Y * _east.X);
    }

    public SkyVector Centre => _centre;

    /// <summary>Offsets (ξ, η) in degrees of a point less than 90° from the centre.</summary>
    public (double XiDeg, double EtaDeg) Project(SkyVector p)
    {
        var along = p.Dot(_centre);
        if (along <= 0)
            throw new ArgumentOutOfRangeException(nameof(p), "point is 90° or more from the tangent point; a gnomonic offset does not exist");
        return (p.Dot(_east) / along * SkyVector.RadToDeg, p.Dot(_north) / along * SkyVector.RadToDeg);
    }

    /// <summary>The sky point at tangent-plane offsets (ξ, η) in degrees.</summary>
    public SkyVector Deproject(double xiDeg, double etaDeg)
    {
        var xi = xiDeg * SkyVector.DegToRad;
        var eta = etaDeg * SkyVector.DegToRad;
        return new SkyVector(
            _centre.X + xi * _east.X + eta * _north.X,
            _centre.Y + xi * _east.Y + eta * _north.Y,
            _centre.Z + xi * _east.Z + eta * _north.Z).Normalized();
    }
}
