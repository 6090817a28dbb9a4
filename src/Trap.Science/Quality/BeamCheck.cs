using Trap.Dataset;
using Trap.Images;

namespace Trap.Science.Quality;

/// <summary>
/// TraP's restoring-beam checks (docs/science.md §3.5) on the beam semi-axes in pixels, in TraP's order:
/// infinite, undersampled (FWHM ≤ 1 pixel), oversampled (semi-axis &gt; oversampled_x), too elliptical
/// (smaj/smin &gt; elliptical_x).
/// </summary>
public static class BeamCheck
{
    public static QualityRejection? Check(BeamInPixels beam, double oversampledX, double ellipticalX)
    {
        var (smaj, smin, pa) = (beam.SemiMajorPx, beam.SemiMinorPx, beam.PositionAngleRad);
        if (double.IsPositiveInfinity(smaj) || double.IsPositiveInfinity(smin) || double.IsPositiveInfinity(pa))
            return Reject($"beam infinite: semi-axes {smaj:G6} x {smin:G6} px, PA {pa:G6} rad");
        if (2 * smaj <= 1 || 2 * smin <= 1)
            return Reject($"beam undersampled: FWHM {2 * smaj:G4} x {2 * smin:G4} px, at most 1 pixel across");
        if (smaj > oversampledX || smin > oversampledX)
            return Reject($"beam oversampled: semi-axes {smaj:G4} x {smin:G4} px exceed oversampled_x = {oversampledX:G4} px");
        if (smaj / smin > ellipticalX)
            return Reject($"beam too elliptical: semi-axes {smaj:G4} x {smin:G4} px, ratio {smaj / smin:G4} > elliptical_x = {ellipticalX:G4}");
        return null;
    }

    private static QualityRejection Reject(string explanation) => new(RejectReason.BeamInvalid, explanation);
}
