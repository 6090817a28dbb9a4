namespace Trap.Science.Quality;

/// <summary>
/// NaN rules: TraP rejects an AARTFAAC image holding any NaN (reason 4); Trap also rejects any image
/// whose NaN fraction exceeds max_nan_fraction (NaN-dominated, reason 9).
/// </summary>
public static class NanCheck
{
    public static QualityRejection? Check(PixelCensus census, bool rejectAnyNan, double maxNanFraction)
    {
        if (rejectAnyNan && census.NanCount > 0)
        {
            return new QualityRejection(RejectReason.ContainsNan,
                $"{census.NanCount} of {census.Total} pixels are NaN; AARTFAAC images must have none");
        }
        if (census.NanFraction > maxNanFraction)
        {
            return new QualityRejection(RejectReason.NanDominated,
                $"{census.NanCount} of {census.Total} pixels ({census.NanFraction:P1}) are NaN, more than max_nan_fraction = {maxNanFraction:P1}");
        }
        return null;
    }
}
