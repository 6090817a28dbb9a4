using Trap.Dataset.Rows;

namespace Trap.Pipeline.Stages;

/// <summary>
/// What the candidate stage reads of one image (its previous-limits band, its backward fits, its group
/// fits, its light-curve points' geometry), not the whole <see cref="ImageRow"/>: `trap stream` keeps
/// these values of every committed image for the whole stream, compactly, and makes one when the stage asks
/// (docs/streaming.md, "What stays bounded"). Null values are the image row's NULLs.
/// </summary>
public sealed record CandidateImage(
    long ImageId,
    string Url,
    bool Accepted,
    int? BandId,
    DateTime? StartUtc,
    double? RbSmajDeg,
    double? DeltayDeg,
    int? WidthPx,
    int? HeightPx)
{
    public static CandidateImage Of(ImageRow row) =>
        new(row.ImageId, row.Url, row.Accepted, row.BandId, row.StartUtc, row.RbSmajDeg, row.DeltayDeg, row.WidthPx, row.HeightPx);
}
