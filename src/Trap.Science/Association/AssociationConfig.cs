namespace Trap.Science.Association;

/// <summary>
/// Parameters of association, new-source detection and variability, with TraP r6.0's job
/// template defaults (docs/science.md §2.1; the function defaults in tkp differ, the template wins).
/// </summary>
public sealed record AssociationConfig
{
    /// <summary>[association] deruiter_radius = 5.68: a pair matches only if its dimensionless De
    /// Ruiter radius is strictly below this (P(R &gt; 5.68) ≈ 1e−7 for a true match).</summary>
    public double DeRuiterRadius { get; init; } = 5.68;

    /// <summary>[association] beamwidths_limit = 3.0: candidate cone radius in units of the image's
    /// restoring-beam SEMI-major axis (3 semi-axes = 1.5 FWHM).</summary>
    public double BeamwidthsLimit { get; init; } = 3.0;

    /// <summary>[source_extraction] ew_sys_err = 10 arcsec: systematic east-west position error.</summary>
    public double EwSysErrArcsec { get; init; } = 10.0;

    /// <summary>[source_extraction] ns_sys_err = 10 arcsec: systematic north-south position error.</summary>
    public double NsSysErrArcsec { get; init; } = 10.0;

    /// <summary>[source_extraction] expiration = 10: a catalogue source gets null-detection forced
    /// fits until this many have been made since its last blind detection.</summary>
    public int Expiration { get; init; } = 10;

    /// <summary>[transient_search] new_source_sigma_margin = 1: added to a previous image's
    /// detection threshold (in sigmas) before asking whether a new source would have been seen.</summary>
    public double NewSourceSigmaMargin { get; init; } = 1.0;

    /// <summary>[persistence] bandwidth_max = 0 Hz: if non-zero, replaces every image's bandwidth
    /// when images are grouped into frequency bands.</summary>
    public double BandwidthMaxHz { get; init; } = 0.0;

    /// <summary>VAST's source_aggregate_pair_metrics_min_abs_vs = 4.3: two-epoch pairs with
    /// |Vs| at least this are significant; the per-source summary keeps the one with the largest |m|.</summary>
    public double PairMetricMinAbsVs { get; init; } = 4.3;

    /// <summary>[association] variability_window = 4096 (Trap's): the light-curve history the variability
    /// summary's pair metrics and median use (docs/science.md §8.3): a point is paired with the W points
    /// before it in its band, the median is over the band's last W points; 0 = no bound. Curves of up to
    /// W points per band give the unbounded values.</summary>
    public int VariabilityWindow { get; init; } = 4096;

    /// <summary>[association] position_shift_common_offset = true (Trap's; accepted in [transient_search], beside
    /// position_shift_sigma): each image's astrometric offset common to
    /// its detections in a sky bucket (an ionospheric shift) is estimated from its matches and subtracted from the positions
    /// before they enter the position-shift statistic and target (docs/science.md §8.4, "Common offsets"); catalogue
    /// positions and association are unchanged. false counts the positions as measured.</summary>
    public bool PositionShiftCommonOffset { get; init; } = true;

    /// <summary>[association] matching = nearest: how candidate pairs become associations
    /// (docs/science.md §5.6); <see cref="AssociationMatching.Trap"/> restores TraP's forks and many-to-one links.</summary>
    public AssociationMatching Matching { get; init; } = AssociationMatching.Nearest;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first out-of-range setting.</summary>
    public void Validate()
    {
        Require(DeRuiterRadius > 0 && double.IsFinite(DeRuiterRadius), nameof(DeRuiterRadius), "a positive number (TraP default 5.68)");
        Require(BeamwidthsLimit > 0 && double.IsFinite(BeamwidthsLimit), nameof(BeamwidthsLimit), "a positive number (TraP default 3.0)");
        Require(EwSysErrArcsec >= 0 && double.IsFinite(EwSysErrArcsec), nameof(EwSysErrArcsec), "a non-negative number of arcsec (default 10)");
        Require(NsSysErrArcsec >= 0 && double.IsFinite(NsSysErrArcsec), nameof(NsSysErrArcsec), "a non-negative number of arcsec (default 10)");
        Require(Expiration >= 0, nameof(Expiration), "a non-negative count (default 10)");
        Require(double.IsFinite(NewSourceSigmaMargin), nameof(NewSourceSigmaMargin), "a finite number of sigmas (default 1)");
        Require(BandwidthMaxHz >= 0 && double.IsFinite(BandwidthMaxHz), nameof(BandwidthMaxHz), "0 (use each image's bandwidth) or a positive width in Hz");
        Require(PairMetricMinAbsVs >= 0 && double.IsFinite(PairMetricMinAbsVs), nameof(PairMetricMinAbsVs), "a non-negative number (VAST default 4.3)");
        Require(VariabilityWindow >= 0, nameof(VariabilityWindow), "0 (no bound) or a positive count of light-curve points (default 4096)");
    }

    private static void Require(bool ok, string name, string expected)
    {
        if (!ok) throw new ArgumentException($"association setting {name} is out of range: it must be {expected}.", name);
    }
}
