namespace Trap.Science.Association;

/// <summary>A sky region (TraP skyregion): the extraction circle of one or more images, degrees.</summary>
public sealed record SkyRegion(long Id, double CentreRaDeg, double CentreDecDeg, double RadiusDeg)
{
    public SkyVector Centre { get; } = SkyVector.FromRaDec(CentreRaDeg, CentreDecDeg);

    /// <summary>TraP's coverage test: chord² &lt; (2 sin(r/2))², i.e. angular distance &lt; radius.</summary>
    public bool Covers(SkyVector p) => p.Dot(Centre) > Math.Cos(RadiusDeg * SkyVector.DegToRad);

    /// <summary>Angular distance of a point from the centre, degrees (assocskyrgn.distance_deg).</summary>
    public double DistanceDeg(SkyVector p) => Centre.DistanceArcsec(p) / 3600.0;
}

/// <summary>
/// Gives images their sky region as TraP does (docs/science.md §6.4): regions are shared only by images
/// with exactly equal (centre RA mod 360, centre Dec, extraction radius); otherwise a new region
/// (ids 1, 2, ...) is opened. Offer images job-wide in processing order so ids are stable.
/// </summary>
public sealed class SkyRegions
{
    private readonly Dictionary<(double, double, double), SkyRegion> _byKey = new();
    private readonly List<SkyRegion> _regions = new();

    public IReadOnlyList<SkyRegion> Regions => _regions;

    public SkyRegion RegionOf(double centreRaDeg, double centreDecDeg, double extractionRadiusDeg)
    {
        if (!double.IsFinite(centreRaDeg) || !(Math.Abs(centreDecDeg) <= 90) || !(extractionRadiusDeg > 0) || !double.IsFinite(extractionRadiusDeg))
            throw new ArgumentException(
                $"invalid sky region: centre ({centreRaDeg}, {centreDecDeg}) deg, radius {extractionRadiusDeg} deg; the centre must be on the sky and the radius positive.");
        var ra = centreRaDeg % 360.0;
        if (ra < 0) ra += 360.0;
        var key = (ra, centreDecDeg, extractionRadiusDeg);
        if (_byKey.TryGetValue(key, out var region)) return region;
        region = new SkyRegion(_regions.Count + 1, ra, centreDecDeg, extractionRadiusDeg);
        _regions.Add(region);
        _byKey.Add(key, region);
        return region;
    }
}
