using Trap.Simulation.Sky;

namespace Trap.Simulation.Planning;

/// <summary>
/// Where the pointings go: the explicit centres when given; otherwise optionally one straddling
/// RA 0/360 and one next to the north pole, then a golden-angle spiral over Dec −10° … +70° that
/// keeps 15° from the A-team and the Sun (TraP rejects images within 10°) and keeps fields from
/// overlapping.
/// </summary>
public static class PointingLayout
{
    public static readonly SkyPosition RaWrapCentre = new(359.8, 30.0);
    public static readonly SkyPosition HighDecCentre = new(120.0, 89.7);

    /// <summary>Distance kept from bright sources, degrees.</summary>
    public const double BrightSourceClearanceDeg = 15.0;

    public static IReadOnlyList<SkyPosition> Centres(SurveySpec spec)
    {
        if (spec.PointingCentres is { } explicitCentres) return explicitCentres;
        var centres = new List<SkyPosition>();
        if (spec.IncludeRaWrapPointing && centres.Count < spec.Pointings) centres.Add(RaWrapCentre);
        if (spec.IncludeHighDecPointing && centres.Count < spec.Pointings) centres.Add(HighDecCentre);

        var end = SurveyEnd(spec);
        // Keep fields apart by twice their diagonal so no source is seen by two pointings.
        var minSeparation = 2.0 * Math.Sqrt(2.0) * spec.ImageSize * spec.PixelSizeDeg;
        var sinLow = Math.Sin(-10.0 * Math.PI / 180.0);
        var sinHigh = Math.Sin(70.0 * Math.PI / 180.0);
        for (var k = 0; centres.Count < spec.Pointings; k++)
        {
            if (k > 100_000)
            {
                throw new ArgumentException(
                    $"SurveySpec.Pointings: cannot place {spec.Pointings} non-overlapping pointings of {spec.ImageSize * spec.PixelSizeDeg:F1}° " +
                    "clear of the A-team and the Sun; use fewer pointings, smaller images or explicit PointingCentres.");
            }
            var ra = (60.0 + k * 137.50776405003785) % 360.0;
            var fraction = (k + 0.5) * 0.6180339887498949 % 1.0;
            var dec = Math.Asin(sinLow + fraction * (sinHigh - sinLow)) * 180.0 / Math.PI;
            var candidate = new SkyPosition(ra, dec);
            if (BrightSkyObjects.Nearest(candidate, spec.StartUtc, end).SeparationDeg < BrightSourceClearanceDeg) continue;
            if (centres.Any(c => c.SeparationDeg(candidate) < minSeparation)) continue;
            centres.Add(candidate);
        }
        return centres;
    }

    /// <summary>End of the last integration.</summary>
    public static DateTime SurveyEnd(SurveySpec spec) =>
        spec.StartUtc.AddSeconds((spec.Timesteps - 1) * spec.CadenceSeconds + spec.IntegrationSeconds);
}
