using Trap.Dataset.Rows;

namespace Trap.Pipeline.Stages;

/// <summary>
/// What the candidate stage reads of one image (its previous-limits band, its backward fits, its group
/// fits, its light-curve points' geometry): a few tens of bytes, not the whole <see cref="ImageRow"/>,
/// because `trap stream` keeps one per committed image for the whole stream (docs/streaming.md). The
/// path is the plan's own string, not a copy. Null values are the image row's NULLs.
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
