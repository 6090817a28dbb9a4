using Trap.Science.Association;

namespace Trap.Science.Tests.Association;

/// <summary>Builds images and measurements for association tests (TraP default settings).</summary>
internal static class AssociationFixture
{
    public static readonly AssociationConfig Config = new() { Matching = AssociationMatching.Trap };
    public static readonly DateTime T0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public const double Arcsec = 1.0 / 3600.0;

    public static ImageRecord Image(long id, int timestep, double ra = 10.0, double dec = 30.0, int band = 1, double frequencyHz = 150e6,
        long region = 1, double radiusDeg = 2.0, double beamSemiMajorDeg = 0.01, double rmsMin = 1e-3, double rmsMax = 2e-3,
        double threshold = 8.0, bool rejected = false) =>
        new(id, band, region, T0.AddMinutes(timestep), frequencyHz, ra, dec, radiusDeg, beamSemiMajorDeg, rmsMin, rmsMax, threshold, rejected);

    /// <summary>A blind detection; position errors from a 1″ error radius and zero fit errors unless given.</summary>
    public static SourceMeasurement Blind(long id, ImageRecord image, double ra, double dec, double flux = 1.0, double fluxErr = 0.01,
        double errorRadiusArcsec = 1.0, double? peak = null) =>
        Measurement(id, image, ExtractType.Blind, ra, dec, flux, fluxErr, errorRadiusArcsec, peak);

    public static SourceMeasurement Measurement(long id, ImageRecord image, ExtractType type, double ra, double dec, double flux, double fluxErr,
        double errorRadiusArcsec = 1.0, double? peak = null, long? runcat = null, long? monitor = null) =>
        new(id, image.Id, type, ra, dec, PositionErrors.Derive(dec, 0.0, 0.0, errorRadiusArcsec, Config),
            peak ?? flux, fluxErr, flux, fluxErr, (peak ?? flux) / 1e-3, runcat, monitor);

    /// <summary>Answers every null-detection request of a result with a fit of the given flux.</summary>
    public static List<SourceMeasurement> NullFits(ImageAssociationResult result, ImageRecord image, ref long nextId, double flux = 0.001)
    {
        var fits = new List<SourceMeasurement>();
        foreach (var r in result.ForcedFitRequests.Where(r => r.Kind == ForcedFitKind.NullDetection))
            fits.Add(Measurement(nextId++, image, ExtractType.NullDetection, r.RaDeg, r.DecDeg, flux, 0.01, runcat: r.RuncatId));
        return fits;
    }
}
