using Trap.Dataset;

namespace Trap.Science.Quality;

/// <summary>TraP's "data is flat" check (reason 5): every finite pixel has the same value.</summary>
public static class FlatDataCheck
{
    /// <summary>An image without any finite pixel is left to the NaN check.</summary>
    public static QualityRejection? Check(PixelCensus census) =>
        census.FiniteCount > 0 && census.FiniteMin == census.FiniteMax
            ? new QualityRejection(RejectReason.DataFlat,
                $"all {census.FiniteCount} finite pixels equal {census.FiniteMin:G6}")
            : null;
}
