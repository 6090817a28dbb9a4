namespace Trap.Images;

/// <summary>
/// LOFAR-specific observation fields (docs/science.md §10.1, §10.3): needed by the theoretical-noise check.
/// </summary>
public sealed record LofarFields(
    string AntennaSet,
    int CoreStations,
    int RemoteStations,
    int InternationalStations,
    int Subbands,
    double SubbandWidthHz,
    int? Channels);
