using Trap.Dataset;
using Trap.Images;

namespace Trap.Science.Quality;

/// <summary>
/// Trap's check that the metadata every later stage needs is there: a restoring beam with finite
/// positive axes (missing beam, reason 7) and a start time (missing time, reason 8). An infinite beam
/// is left to TraP's beam check.
/// </summary>
public static class MetadataCheck
{
    public static QualityRejection? Check(ImageMetadata metadata)
    {
        var b = metadata.Beam;
        if (double.IsNaN(b.MajorFwhmDeg) || double.IsNaN(b.MinorFwhmDeg) || double.IsNaN(b.PositionAngleDeg)
            || b.MajorFwhmDeg <= 0 || b.MinorFwhmDeg <= 0)
        {
            return new QualityRejection(RejectReason.MissingBeam,
                $"restoring beam BMAJ {b.MajorFwhmDeg:G6}°, BMIN {b.MinorFwhmDeg:G6}°, BPA {b.PositionAngleDeg:G6}° is not usable; " +
                "add BMAJ/BMIN/BPA to the header or give a beam in the job configuration");
        }
        if (metadata.StartUtc == default)
        {
            return new QualityRejection(RejectReason.MissingTime,
                "no observation start time (DATE-OBS); add it to the header");
        }
        return null;
    }
}
