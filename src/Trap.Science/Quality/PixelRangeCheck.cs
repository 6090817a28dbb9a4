using Trap.Dataset;

namespace Trap.Science.Quality;

/// <summary>
/// Trap's absurd-pixel check (reason 15): a finite pixel beyond ±<see cref="MaxAbsJyPerBeam"/> is a
/// blanking value or corrupt data, never sky; kept, it would become a source of that flux and a false
/// transient. Such an image is rejected rather than masked, so the user sees it and fixes the file.
/// (Infinite pixels count as NaN, see <see cref="PixelCensus"/>.)
/// </summary>
public static class PixelRangeCheck
{
    /// <summary>No radio source is brighter than this (Jy/beam); the brightest are ~1e4 Jy.</summary>
    public const float MaxAbsJyPerBeam = 1e20f;

    public static QualityRejection? Check(PixelCensus census)
    {
        if (census.FiniteCount == 0) return null;
        var extreme = Math.Max(Math.Abs(census.FiniteMin), Math.Abs(census.FiniteMax));
        return extreme > MaxAbsJyPerBeam
            ? new QualityRejection(RejectReason.AbsurdPixels,
                $"pixel values reach {census.FiniteMin:G3} to {census.FiniteMax:G3}, beyond ±{MaxAbsJyPerBeam:G1} Jy/beam: " +
                "a blanking value or corrupt data. Blank such pixels as NaN (or fix the file) and run again")
            : null;
    }
}
