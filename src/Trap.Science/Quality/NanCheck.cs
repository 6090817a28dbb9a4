using Trap.Dataset;

namespace Trap.Science.Quality;

/// <summary>
/// NaN rules: TraP rejects an AARTFAAC image holding any NaN (reason 4); Trap also rejects any image
/// whose field (the inscribed circle, <see cref="PixelCensus.FieldNanFraction"/>) is more than
/// max_nan_fraction NaN (NaN-dominated, reason 9): a blank block there hides sources and would make
/// them look like transients when it goes away.
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
        if (census.FieldNanFraction > maxNanFraction)
        {
            return new QualityRejection(RejectReason.NanDominated,
                $"{census.FieldNanCount} of the {census.FieldTotal} pixels of the field (the circle inscribed in the image) " +
                $"are NaN ({census.FieldNanFraction:P1}), more than max_nan_fraction = {maxNanFraction:P1}");
        }
        return null;
    }
}
