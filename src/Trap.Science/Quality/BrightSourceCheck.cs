using Trap.Dataset;
using Trap.Formats.Wcs;
using Trap.Science.Quality.Ephemeris;

namespace Trap.Science.Quality;

/// <summary>
/// TraP's bright-source proximity check (docs/science.md §3.6): reject when the pointing centre lies within
/// min_separation of CasA, CygA, TauA, HerA, VirA, or of the Sun or Jupiter at the image start time.
/// Like TraP, an instant the ephemeris cannot handle rejects the image ("invalid ephemeris").
/// </summary>
public static class BrightSourceCheck
{
    /// <summary>A fixed bright radio source, J2000 degrees.</summary>
    public sealed record FixedSource(string Name, double RaDeg, double DecDeg);

    public static IReadOnlyList<FixedSource> FixedSources { get; } =
    [
        new("CasA", 350.8500, 58.8150),
        new("CygA", 299.8682, 40.7339),
        new("TauA", 83.6332, 22.0145),
        new("HerA", 252.7838, 4.9925),
        new("VirA", 187.7059, 12.3911),
    ];

    /// <summary>
    /// The first target closer than minSeparationDeg to the centre (fixed sources, then the Sun, then
    /// Jupiter), as a rejection; null when none is.
    /// </summary>
    public static QualityRejection? Check(double centreRaDeg, double centreDecDeg, DateTime startUtc, double minSeparationDeg)
    {
        foreach (var source in FixedSources)
        {
            if (TooClose(source.Name, source.RaDeg, source.DecDeg) is { } rejection) return rejection;
        }
        if (!SolarSystemEphemeris.IsValid(startUtc))
        {
            return new QualityRejection(RejectReason.BrightSourceNear,
                $"Invalid ephemeris: start time {startUtc:O} is outside the 1800–2050 validity of the Sun and Jupiter " +
                "ephemeris; check DATE-OBS");
        }
        foreach (var body in Enum.GetValues<SolarSystemBody>())
        {
            var (ra, dec) = SolarSystemEphemeris.Position(body, startUtc);
            if (TooClose(body.ToString(), ra, dec) is { } rejection) return rejection;
        }
        return null;

        QualityRejection? TooClose(string name, double ra, double dec)
        {
            var separation = SkyGeometry.SeparationDeg(centreRaDeg, centreDecDeg, ra, dec);
            return separation < minSeparationDeg
                ? new QualityRejection(RejectReason.BrightSourceNear,
                    $"{name} at (RA {ra:F3}°, Dec {dec:F3}°) is {separation:F2}° from the pointing centre " +
                    $"(RA {centreRaDeg:F3}°, Dec {centreDecDeg:F3}°), closer than min_separation = {minSeparationDeg:G4}°")
                : null;
        }
    }
}
