using Trap.Science.Association;

namespace Trap.Pipeline.Work;

/// <summary>
/// One image of a sky bucket as the bucket's reduce tasks read it from the working folder: what
/// association needs (<see cref="ImageRecord"/>, with the QC verdict) and the image's path.
/// Times travel as ticks so they round-trip exactly.
/// </summary>
public sealed class BucketImageRow
{
    public long ImageId { get; set; }
    public string Url { get; set; } = "";
    public int BandId { get; set; }
    public long SkyRegionId { get; set; }
    public long TimeTicks { get; set; }
    public double FrequencyHz { get; set; }
    public double CentreRaDeg { get; set; }
    public double CentreDecDeg { get; set; }
    public double ExtractionRadiusDeg { get; set; }
    public double BeamSemiMajorDeg { get; set; }
    public double RmsMin { get; set; }
    public double RmsMax { get; set; }
    public double DetectionThreshold { get; set; }
    public bool Rejected { get; set; }

    public static BucketImageRow From(ImageRecord r, string url) => new()
    {
        ImageId = r.Id, Url = url, BandId = r.BandId, SkyRegionId = r.SkyRegionId, TimeTicks = r.TimeUtc.Ticks,
        FrequencyHz = r.FrequencyHz, CentreRaDeg = r.CentreRaDeg, CentreDecDeg = r.CentreDecDeg,
        ExtractionRadiusDeg = r.ExtractionRadiusDeg, BeamSemiMajorDeg = r.BeamSemiMajorDeg, RmsMin = r.RmsMin, RmsMax = r.RmsMax,
        DetectionThreshold = r.DetectionThreshold, Rejected = r.Rejected,
    };

    public ImageRecord ToRecord() => new(ImageId, BandId, SkyRegionId, new DateTime(TimeTicks, DateTimeKind.Utc), FrequencyHz,
        CentreRaDeg, CentreDecDeg, ExtractionRadiusDeg, BeamSemiMajorDeg, RmsMin, RmsMax, DetectionThreshold, Rejected);
}
