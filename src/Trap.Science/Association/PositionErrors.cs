namespace Trap.Science.Association;

/// <summary>
/// The position errors TraP derives at insert (docs/science.md §5.1), all in degrees.
/// <see cref="RaErrDeg"/>/<see cref="DecErrDeg"/> are coordinate errors (fit error plus systematic,
/// RA inflated by α); <see cref="UncertaintyEwDeg"/>/<see cref="UncertaintyNsDeg"/> are on-sky,
/// declination-independent errors that drive the De Ruiter radius and the position weights.
/// <see cref="RaFitErrDeg"/>/<see cref="DecFitErrDeg"/> are the fit's own errors (coordinate errors, no systematic
/// part), which the position scatter of a source is measured against (docs/science.md §8.1).
/// </summary>
public readonly record struct PositionErrors(double RaErrDeg, double DecErrDeg, double UncertaintyEwDeg, double UncertaintyNsDeg,
    double RaFitErrDeg, double DecFitErrDeg)
{
    /// <summary>TraP replaces an infinite error radius by 360 arcsec.</summary>
    public const double InfiniteErrorRadiusArcsec = 360.0;

    /// <param name="decDeg">Declination of the source (for the RA inflation of the systematic error).</param>
    /// <param name="raFitErrDeg">RA fit error in degrees (a coordinate error, not on-sky).</param>
    /// <param name="decFitErrDeg">Dec fit error in degrees.</param>
    /// <param name="errorRadiusArcsec">The extractor's absolute error radius in arcsec.</param>
    public static PositionErrors Derive(double decDeg, double raFitErrDeg, double decFitErrDeg, double errorRadiusArcsec, AssociationConfig config)
    {
        var errorRadius = double.IsInfinity(errorRadiusArcsec) ? InfiniteErrorRadiusArcsec : errorRadiusArcsec;
        var ewSysDeg = config.EwSysErrArcsec / 3600.0;
        var nsSysDeg = config.NsSysErrArcsec / 3600.0;
        var raSys = SkyVector.RaInflationDeg(ewSysDeg, decDeg);
        return new PositionErrors(
            RaErrDeg: Math.Sqrt(raFitErrDeg * raFitErrDeg + raSys * raSys),
            DecErrDeg: Math.Sqrt(decFitErrDeg * decFitErrDeg + nsSysDeg * nsSysDeg),
            UncertaintyEwDeg: Math.Sqrt(config.EwSysErrArcsec * config.EwSysErrArcsec + errorRadius * errorRadius) / 3600.0,
            UncertaintyNsDeg: Math.Sqrt(config.NsSysErrArcsec * config.NsSysErrArcsec + errorRadius * errorRadius) / 3600.0,
            RaFitErrDeg: raFitErrDeg,
            DecFitErrDeg: decFitErrDeg);
    }
}
