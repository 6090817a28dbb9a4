namespace Trap.Science.Association;

/// <summary>
/// What association needs to know about one image (TraP image + skyregion columns). Every image of
/// the job that overlaps a bucket is given to that bucket's catalogue, rejected ones included (they
/// still define sky regions, but are never previous images for new-source detection).
/// </summary>
/// <param name="Id">Image id, unique in the job.</param>
/// <param name="BandId">Frequency band id from <see cref="FrequencyBands"/> (assigned job-wide).</param>
/// <param name="SkyRegionId">Sky region id from <see cref="SkyRegions"/> (assigned job-wide).</param>
/// <param name="TimeUtc">Start of the integration (taustart_ts), UTC.</param>
/// <param name="FrequencyHz">Effective frequency; orders images inside a timestep.</param>
/// <param name="CentreRaDeg">Sky-region centre RA in degrees.</param>
/// <param name="CentreDecDeg">Sky-region centre declination in degrees.</param>
/// <param name="ExtractionRadiusDeg">Sky-region radius (xtr_radius) in degrees.</param>
/// <param name="BeamSemiMajorDeg">Restoring-beam SEMI-major axis in degrees (rb_smaj).</param>
/// <param name="RmsMin">Minimum of the image's RMS map over the unmasked area, Jy.</param>
/// <param name="RmsMax">Maximum of the image's RMS map over the unmasked area, Jy.</param>
/// <param name="DetectionThreshold">Detection threshold in sigmas used on this image.</param>
/// <param name="Rejected">True if quality control rejected the image.</param>
public sealed record ImageRecord(
    long Id,
    int BandId,
    long SkyRegionId,
    DateTime TimeUtc,
    double FrequencyHz,
    double CentreRaDeg,
    double CentreDecDeg,
    double ExtractionRadiusDeg,
    double BeamSemiMajorDeg,
    double RmsMin,
    double RmsMax,
    double DetectionThreshold,
    bool Rejected);

/// <summary>A user-given position to measure in every image that covers it (TraP monitor row).</summary>
public sealed record MonitorPosition(long Id, double RaDeg, double DecDeg);
