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

/// <summary>Flux statistics of one source in one band (TraP runningcatalog_flux, as means; Jy).</summary>
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
    double EtaPeak);
