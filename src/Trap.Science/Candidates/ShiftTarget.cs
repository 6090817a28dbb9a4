using Trap.Science.Association;

namespace Trap.Science.Candidates;

/// <summary>
/// Where a candidate selected only for its position shift is measured and reported (docs/science.md §8.4, "Position
/// shifts"): the position its blind detections move toward as its flux changes — the transient blended with a steady
/// source, which has no catalogue source of its own — rather than the blend's catalogue position. A candidate selected by
/// the other tests too keeps its catalogue position: its own flux changes enough, and the shift target of a source with a
/// fainter neighbour can be a poor estimate of where it is (measured, docs/science.md §8.4).
/// </summary>
public static class ShiftTarget
{
    /// <summary>A detection farther than association's cone (1.5 beam FWHM, docs/science.md §5.2) would not have joined the
    /// source, so a target beyond it is no transient in the blend (a noisy slope) and the catalogue position is kept.</summary>
    public const double MaxDistanceBeams = 1.5;

    /// <returns>The target (deg), or null: not selected for its position shift alone, no target, or one too far away.</returns>
    public static (double RaDeg, double DecDeg)? Of(BandSelection selection, double catalogueRaDeg, double catalogueDecDeg, double beamFwhmDeg)
    {
        var m = selection.Metrics;
        if (selection.Reasons != SelectionReasons.PositionShift || !double.IsFinite(m.ShiftTargetRaDeg) || !double.IsFinite(m.ShiftTargetDecDeg)) return null;
        var distanceArcsec = SkyVector.FromRaDec(catalogueRaDeg, catalogueDecDeg).DistanceArcsec(SkyVector.FromRaDec(m.ShiftTargetRaDeg, m.ShiftTargetDecDeg));
        return distanceArcsec <= MaxDistanceBeams * beamFwhmDeg * 3600 ? (m.ShiftTargetRaDeg, m.ShiftTargetDecDeg) : null;
    }
}
