namespace Trap.Science.Association;

/// <summary>One running-catalogue source as it stands (TraP runningcatalog); degrees.</summary>
public sealed record CatalogueSourceRecord(
    long RuncatId,
    long FirstExtractionId,
    int Datapoints,
    double RaDeg,
    double DecDeg,
    double UncertaintyEwDeg,
    double UncertaintyNsDeg,
    double AverageRaErrDeg,
    double AverageDecErrDeg,
    double X,
    double Y,
    double Z,
    bool IsMonitor,
    int ForcedFitsCount);

/// <summary>Flux statistics of one source in one band (TraP runningcatalog_flux, as means; Jy), with the scatter of
/// its blind positions in the band: how many, their χ²/dof about the weighted mean (docs/science.md §8.1) and where they
/// move as the flux changes (the shift target, deg; NaN when undefined, §8.4).</summary>
public sealed record BandFluxRecord(
    long RuncatId,
    int BandId,
    int FDatapoints,
    double AverageFPeak,
    double AverageFInt,
    double WeightedMeanFInt,
    double VInt,
    double EtaInt,
    double VPeak,
    double EtaPeak,
    int PositionDatapoints,
    double EtaPosition,
    double ShiftTargetRaDeg,
    double ShiftTargetDecDeg);
