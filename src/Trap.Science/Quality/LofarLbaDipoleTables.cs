namespace Trap.Science.Quality;

/// <summary>
/// LOFAR's LBA nearest-dipole distances (metres), per station class and antenna set: the data TraP
/// precomputed from the stations' AntennaArrays.conf layouts (CS001 core, RS106 remote, DE601
/// international) in transientskp/tkp, tkp/telescope/lofar/antennaarrays.py (BSD-2-Clause,
/// "Copyright (c) 2017, LOFAR Transients Key Science Project"). Physical facts of the array, kept
/// as data. LBA uses the INNER and OUTER dipoles together; LBA_X/LBA_Y are the INNER/OUTER sets.
/// </summary>
public static class LofarLbaDipoleTables
{
    private static readonly double[] CoreLbaOuter =
    [
        3.07, 3.07, 6.27, 4.14, 4.39, 5.36, 5.03, 7.17, 4.92, 5.01, 4.59, 8.19,
        6.20, 6.27, 6.27, 6.00, 4.14, 4.39, 7.84, 8.14, 7.38, 7.17, 9.36, 5.80,
        9.83, 7.08, 7.34, 7.40, 6.00, 10.25, 9.37, 8.83, 8.64, 5.27, 7.66, 8.23,
        8.23, 6.72, 5.80, 6.28, 11.06, 7.40, 10.80, 10.81, 8.64, 5.27, 7.66, 9.06,
    ];

    private static readonly double[] CoreLbaInner =
    [
        2.55, 2.55, 2.55, 2.55, 2.55, 2.55, 2.55, 3.60, 3.34, 3.26, 3.49, 3.19,
        3.19, 3.51, 3.42, 3.18, 3.59, 3.66, 4.32, 3.23, 3.23, 3.38, 3.49, 3.19,
        3.89, 3.40, 3.51, 3.49, 4.12, 3.82, 3.13, 3.13, 2.99, 2.99, 3.32, 3.38,
        3.36, 3.36, 4.75, 2.79, 2.79, 3.40, 4.15, 3.98, 3.98, 4.49, 27.04, 27.48,
    ];

    private static readonly double[] CoreLbaSparse0 =
    [
        2.55, 3.07, 2.55, 4.14, 2.55, 5.36, 2.55, 7.17, 3.34, 5.01, 3.49, 8.19,
        3.19, 6.27, 3.42, 6.00, 3.59, 4.39, 4.32, 8.14, 3.23, 7.17, 3.49, 5.80,
        3.89, 7.08, 3.51, 7.40, 4.12, 10.25, 3.13, 8.83, 2.99, 5.27, 3.32, 8.23,
        3.36, 6.72, 4.75, 6.28, 2.79, 7.40, 4.15, 10.81, 3.98, 5.27, 27.04, 9.06,
    ];

    private static readonly double[] CoreLbaSparse1 =
    [
        3.07, 2.55, 6.27, 2.55, 4.39, 2.55, 5.03, 3.60, 4.92, 3.26, 4.59, 3.19,
        6.20, 3.51, 6.27, 3.18, 4.14, 3.66, 7.84, 3.23, 7.38, 3.38, 9.36, 3.19,
        9.83, 3.40, 7.34, 3.49, 6.00, 3.82, 9.37, 3.13, 8.64, 2.99, 7.66, 3.38,
        8.23, 3.36, 5.80, 2.79, 11.06, 3.40, 10.80, 3.98, 8.64, 4.49, 7.66, 27.48,
    ];

    private static readonly double[] RemoteLbaOuter =
    [
        3.07, 3.07, 6.27, 4.14, 4.39, 5.36, 5.03, 7.18, 4.92, 5.01, 4.59, 8.19,
        6.19, 6.27, 6.27, 6.00, 4.14, 4.39, 7.84, 8.14, 7.38, 7.18, 9.36, 5.80,
        9.83, 7.08, 7.34, 7.40, 6.00, 10.25, 9.37, 8.83, 8.64, 5.28, 7.66, 8.23,
        8.23, 6.72, 5.80, 6.28, 11.06, 7.40, 10.80, 10.81, 8.64, 5.28, 7.66, 9.06,
    ];

    private static readonly double[] RemoteLbaSparse1 =
    [
        3.07, 2.55, 6.27, 2.55, 4.39, 2.55, 5.03, 3.51, 4.92, 3.18, 4.59, 3.19,
        6.19, 3.43, 6.27, 3.18, 4.14, 3.66, 7.84, 3.23, 7.38, 3.38, 9.36, 3.19,
        9.83, 3.39, 7.34, 3.49, 6.00, 3.82, 9.37, 3.12, 8.64, 2.99, 7.66, 3.38,
        8.23, 3.36, 5.80, 2.79, 11.06, 3.39, 10.80, 3.99, 8.64, 4.49, 7.66, 19.60,
    ];

    private static readonly double[] RemoteLbaSparse0 =
    [
        2.55, 3.07, 2.55, 4.14, 2.55, 5.36, 2.55, 7.18, 3.51, 5.01, 3.48, 8.19,
        3.25, 6.27, 3.48, 6.00, 3.58, 4.39, 4.32, 8.14, 3.23, 7.18, 3.50, 5.80,
        3.89, 7.08, 3.51, 7.40, 4.12, 10.25, 3.12, 8.83, 2.99, 5.28, 3.32, 8.23,
        3.36, 6.72, 4.75, 6.28, 2.79, 7.40, 4.15, 10.81, 3.99, 5.28, 21.02, 9.06,
    ];

    private static readonly double[] RemoteLbaInner =
    [
        2.55, 2.55, 2.55, 2.55, 2.55, 2.55, 2.55, 3.51, 3.51, 3.18, 3.48, 3.19,
        3.25, 3.43, 3.48, 3.18, 3.58, 3.66, 4.32, 3.23, 3.23, 3.38, 3.50, 3.19,
        3.89, 3.39, 3.51, 3.49, 4.12, 3.82, 3.12, 3.12, 2.99, 2.99, 3.32, 3.38,
        3.36, 3.36, 4.75, 2.79, 2.79, 3.39, 4.15, 3.99, 3.99, 4.49, 21.02, 19.60,
    ];

    private static readonly double[] InternationalLba =
    [
        3.55, 3.41, 3.87, 3.41, 5.61, 4.52, 4.96, 4.96, 3.81, 4.03, 4.03, 4.15,
        3.41, 3.42, 3.42, 3.42, 3.54, 3.46, 3.87, 4.68, 5.30, 5.54, 5.17, 5.77,
        3.62, 3.94, 4.07, 4.07, 3.92, 3.92, 5.65, 6.00, 3.91, 3.49, 6.50, 6.50,
        3.52, 3.48, 3.71, 3.71, 4.74, 4.31, 7.99, 7.03, 3.56, 3.70, 3.50, 4.15,
        4.34, 4.10, 4.98, 3.49, 3.25, 6.69, 3.61, 3.41, 6.92, 3.85, 3.94, 6.85,
        4.07, 3.85, 4.31, 3.41, 3.54, 3.48, 3.42, 4.22, 3.35, 3.35, 3.47, 4.74,
        3.70, 4.36, 3.54, 3.61, 3.54, 4.15, 3.81, 5.98, 4.77, 4.34, 3.87, 3.63,
        5.17, 3.52, 7.21, 3.42, 3.41, 7.75, 3.48, 3.25, 4.95, 3.47, 3.50, 3.42,
    ];

    public static IReadOnlyDictionary<(LofarStationClass, string), double[]> Distances { get; } =
        new Dictionary<(LofarStationClass, string), double[]>
        {
            [(LofarStationClass.Core, "LBA")] = [.. CoreLbaInner, .. CoreLbaOuter],
            [(LofarStationClass.Core, "LBA_OUTER")] = CoreLbaOuter,
            [(LofarStationClass.Core, "LBA_INNER")] = CoreLbaInner,
            [(LofarStationClass.Core, "LBA_SPARSE0")] = CoreLbaSparse0,
            [(LofarStationClass.Core, "LBA_SPARSE1")] = CoreLbaSparse1,
            [(LofarStationClass.Core, "LBA_X")] = CoreLbaInner,
            [(LofarStationClass.Core, "LBA_Y")] = CoreLbaOuter,
            [(LofarStationClass.Remote, "LBA_OUTER")] = RemoteLbaOuter,
            [(LofarStationClass.Remote, "LBA_SPARSE1")] = RemoteLbaSparse1,
            [(LofarStationClass.Remote, "LBA_SPARSE0")] = RemoteLbaSparse0,
            [(LofarStationClass.Remote, "LBA_INNER")] = RemoteLbaInner,
            [(LofarStationClass.Remote, "LBA_X")] = RemoteLbaInner,
            [(LofarStationClass.Remote, "LBA_Y")] = RemoteLbaOuter,
            [(LofarStationClass.Remote, "LBA")] = [.. RemoteLbaInner, .. RemoteLbaOuter],
            [(LofarStationClass.International, "LBA")] = InternationalLba,
            [(LofarStationClass.International, "LBA_OUTER")] = InternationalLba,
            [(LofarStationClass.International, "LBA_INNER")] = InternationalLba,
        };
}
