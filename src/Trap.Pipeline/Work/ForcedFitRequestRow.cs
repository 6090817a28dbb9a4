using Trap.Science.Association;

namespace Trap.Pipeline.Work;

/// <summary>A forced-fit request as the working folder keeps it (one file per image, in request order).</summary>
public sealed class ForcedFitRequestRow
{
    public long ImageId { get; set; }
    public int Kind { get; set; }
    public long? RuncatId { get; set; }
    public long? MonitorId { get; set; }
    public double RaDeg { get; set; }
    public double DecDeg { get; set; }

    public static ForcedFitRequestRow From(ForcedFitRequest r) => new()
    {
        ImageId = r.ImageId, Kind = (int)r.Kind, RuncatId = r.RuncatId, MonitorId = r.MonitorId, RaDeg = r.RaDeg, DecDeg = r.DecDeg,
    };

    public ForcedFitRequest ToRequest() => new(ImageId, (ForcedFitKind)Kind, RuncatId, MonitorId, RaDeg, DecDeg);
}
