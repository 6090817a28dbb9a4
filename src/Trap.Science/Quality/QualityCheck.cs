namespace Trap.Science.Quality;

/// <summary>The checks of the QC stage, in the order they run (docs/science.md §3.3 plus Trap's additions).</summary>
public enum QualityCheck
{
    /// <summary>The accessor could read the image (Trap).</summary>
    Readable,

    /// <summary>A usable restoring beam and start time are present (Trap).</summary>
    Metadata,

    /// <summary>Not all finite pixels equal (TraP reason 5).</summary>
    Flat,

    /// <summary>AARTFAAC: no NaN at all (TraP reason 4); all: NaN fraction within the limit (Trap).</summary>
    Nan,

    /// <summary>No finite pixel beyond ±1e20 Jy/beam (Trap).</summary>
    PixelRange,

    /// <summary>LOFAR: integration time not 0 (TraP reason 3).</summary>
    TauTime,

    /// <summary>LOFAR: rms_qc within [low_bound, high_bound] × theoretical noise; others: against the configured expected noise.</summary>
    NoiseRatio,

    /// <summary>LOFAR: beam check of TraP's per-accessor stage (reason 1).</summary>
    Beam,

    /// <summary>LOFAR: no bright source within min_separation of the pointing (reason 2).</summary>
    BrightSource,

    /// <summary>rms_est_min &lt; rms_qc &lt; rms_est_max (reason 0).</summary>
    RmsBounds,

    /// <summary>Beam check with oversampled_x / elliptical_x, all images (reason 1).</summary>
    BeamLimits,

    /// <summary>rms_qc within rms_rej_sigma of the same-band history (reason 0), once enough images exist.</summary>
    RmsHistory,
}
