namespace Trap.Science.Extraction;

/// <summary>
/// One measured source: TraP's extracted-source record (docs/science.md §4.11, in its DB-insert order) plus
/// the pixel position, the shape errors and the clean-beam-deconvolved shape that PySE also reports.
/// A flat record of primitive columns. Angles in degrees, axes are semi-axes (HWHM), fluxes in Jy.
/// Infinity marks an error that could not be estimated (e.g. a moments-only fit of a negative source).
/// </summary>
public sealed record ExtractedSource
{
    /// <summary>Right ascension of the centroid (deg).</summary>
    public required double Ra { get; init; }

    /// <summary>Declination of the centroid (deg).</summary>
    public required double Dec { get; init; }

    /// <summary>RA coordinate error (deg; grows as 1/cos Dec, not an on-sky error).</summary>
    public required double RaErr { get; init; }

    /// <summary>Dec error (deg).</summary>
    public required double DecErr { get; init; }

    /// <summary>Peak brightness after the noise-bias correction P − noise²/P (Jy/beam).</summary>
    public required double PeakFlux { get; init; }

    public required double PeakFluxErr { get; init; }

    /// <summary>Integrated flux density P·smaj·smin/(smaj_b·smin_b) with the uncorrected peak (Jy).</summary>
    public required double IntFlux { get; init; }

    public required double IntFluxErr { get; init; }

    /// <summary>Largest value/RMS over the island (or forced-fit box).</summary>
    public required double DetSigma { get; init; }

    /// <summary>Semi-major axis (arcsec, HWHM).</summary>
    public required double SemiMajorArcsec { get; init; }

    /// <summary>Semi-minor axis (arcsec, HWHM).</summary>
    public required double SemiMinorArcsec { get; init; }

    /// <summary>Position angle east of north, [0, 180) deg.</summary>
    public required double PaDeg { get; init; }

    /// <summary>East–west systematic error from the config (arcsec).</summary>
    public required double EwSysErrArcsec { get; init; }

    /// <summary>North–south systematic error from the config (arcsec).</summary>
    public required double NsSysErrArcsec { get; init; }

    /// <summary>Pessimistic on-sky position error (arcsec): farthest corner of the pixel error box.</summary>
    public required double ErrorRadiusArcsec { get; init; }

    /// <summary>1 = Gaussian least-squares fit, 0 = moments only.</summary>
    public required int FitType { get; init; }

    /// <summary>Σ((model − data)/noise)² over the fitted pixels.</summary>
    public required double ChiSq { get; init; }

    /// <summary>ChiSq divided by the number of independent beams in the fitted pixels (not a true χ²_red).</summary>
    public required double ReducedChiSq { get; init; }

    /// <summary>0-based pixel position along NAXIS1.</summary>
    public required double X { get; init; }

    /// <summary>0-based pixel position along NAXIS2.</summary>
    public required double Y { get; init; }

    public required double XErr { get; init; }

    public required double YErr { get; init; }

    public required double SemiMajorErrArcsec { get; init; }

    public required double SemiMinorErrArcsec { get; init; }

    public required double PaErrDeg { get; init; }

    /// <summary>Clean-beam-deconvolved semi-major axis (arcsec); 0 when unresolved.</summary>
    public required double DeconvSemiMajorArcsec { get; init; }

    public required double DeconvSemiMajorErrArcsec { get; init; }

    /// <summary>Clean-beam-deconvolved semi-minor axis (arcsec); 0 when unresolved.</summary>
    public required double DeconvSemiMinorArcsec { get; init; }

    public required double DeconvSemiMinorErrArcsec { get; init; }

    /// <summary>Deconvolved position angle east of north, [0, 180) deg.</summary>
    public required double DeconvPaDeg { get; init; }

    public required double DeconvPaErrDeg { get; init; }

    /// <summary>How many deconvolved axes had to be clamped to 0 (AIPS DECONV's ierr): 0 = resolved.</summary>
    public required int DeconvFailures { get; init; }
}
