using Trap.Science.Association;

namespace Trap.Science.Candidates;

/// <summary>
/// Where a candidate selected for its position shift is measured and reported (docs/science.md §8.4, "Position shifts"):
/// the position its blind detections move toward as its flux changes — the transient blended with a steady source, which
/// has no catalogue source of its own — rather than the blend's catalogue position. Used for a candidate selected by its
/// position shift alone, and for one selected by the other tests too only when its flux at its catalogue position changed
/// too little (the shift target of a source with a fainter neighbour can be a poor estimate of where it is, measured in
/// docs/science.md §8.4). Not for a new source: it appeared at its own position.
/// </summary>
public static class ShiftTarget
{
    /// <summary>A detection farther than association's cone (1.5 beam FWHM, docs/science.md §5.2) would not have joined the
    /// source, so a target beyond it is no transient in the blend (a noisy slope) and the catalogue position is kept.</summary>
    public const double MaxDistanceBeams = 1.5;

    /// <summary>A target within a beam semi-major axis (half the FWHM) of another catalogue source points at that source: the
    /// change is its own (judged as its own candidate), as when a steady source's fits jump between it and a variable
    /// neighbour. Measured there, the fit would take in the neighbour's flux (docs/science.md §8.4).</summary>
    public const double OtherSourceRadiusBeams = 0.5;

    /// <summary>Selected for its position shift and nothing else: measured at its target from the start.</summary>
    public static bool IsAlone(BandSelection selection) => selection.Reasons == SelectionReasons.PositionShift;

    /// <param name="others">The other catalogue sources' positions (deg).</param>
    /// <returns>The target (deg), or null: not selected for its position shift, a new source, no target, one too far away, or
    /// one on another catalogue source.</returns>
    public static (double RaDeg, double DecDeg)? Of(BandSelection selection, double catalogueRaDeg, double catalogueDecDeg, double beamFwhmDeg,
        IEnumerable<(double RaDeg, double DecDeg)> others)
    {
        var m = selection.Metrics;
        if (!selection.Reasons.HasFlag(SelectionReasons.PositionShift) || selection.Reasons.HasFlag(SelectionReasons.NewSource)
            || !double.IsFinite(m.ShiftTargetRaDeg) || !double.IsFinite(m.ShiftTargetDecDeg)) return null;
        var target = SkyVector.FromRaDec(m.ShiftTargetRaDeg, m.ShiftTargetDecDeg);
        if (SkyVector.FromRaDec(catalogueRaDeg, catalogueDecDeg).DistanceArcsec(target) > MaxDistanceBeams * beamFwhmDeg * 3600) return null;
        if (others.Any(o => SkyVector.FromRaDec(o.RaDeg, o.DecDeg).DistanceArcsec(target) <= OtherSourceRadiusBeams * beamFwhmDeg * 3600)) return null;
        return (m.ShiftTargetRaDeg, m.ShiftTargetDecDeg);
    }
}
