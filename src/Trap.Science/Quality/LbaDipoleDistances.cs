namespace Trap.Science.Quality;

/// <summary>LOFAR station classes, which differ in collecting area (docs/science.md §3.4).</summary>
public enum LofarStationClass
{
    Core,
    Remote,
    International,
}

/// <summary>
/// For each LOFAR station class and LBA antenna set, the distance in metres from every dipole in use
/// to its nearest other dipole: an LBA dipole's effective area is min(λ²/3, π·d²/4) (docs/science.md §3.4).
/// The default is <see cref="Lofar"/>, TraP's tables computed from the stations' AntennaArrays.conf
/// layouts (CS001, RS106, DE601); another table can be supplied through the constructor.
/// </summary>
public sealed class LbaDipoleDistances
{
    private readonly IReadOnlyDictionary<(LofarStationClass, string), double[]> _table;
    private readonly Func<LofarStationClass, string, double[]?>? _fallback;

    /// <summary>A table keyed by (station class, antenna set name as in the ANTENNA card, e.g. "LBA_INNER").</summary>
    public LbaDipoleDistances(IReadOnlyDictionary<(LofarStationClass, string), double[]> table)
        : this(table, null, "supplied table")
    {
    }

    private LbaDipoleDistances(
        IReadOnlyDictionary<(LofarStationClass, string), double[]> table,
        Func<LofarStationClass, string, double[]?>? fallback,
        string description)
    {
        _table = table;
        _fallback = fallback;
        Description = description;
    }

    /// <summary>Where the distances come from, for explanations.</summary>
    public string Description { get; }

    /// <summary>
    /// The approximation used where no layout table exists: every dipole is far enough from the others
    /// (d ≥ 2λ/√(3π), about 2.9 m at 66 MHz) to get the full λ²/3, with 48 dipoles in use in a Dutch
    /// (core or remote) station for every LBA antenna set and 96 in an international station. This is
    /// an upper bound on the area, so the theoretical noise is a lower bound (TraP's LBA_INNER
    /// regression case, 0.015901545 Jy with the real layouts, would come out 4.1 % lower).
    /// </summary>
    public static LbaDipoleDistances IsolatedDipoles { get; } = new(
        new Dictionary<(LofarStationClass, string), double[]>(),
        (station, _) => Enumerable.Repeat(double.PositiveInfinity, station == LofarStationClass.International ? 96 : 48).ToArray(),
        "isolated-dipole approximation (48 dipoles per Dutch station, 96 per international station)");

    /// <summary>
    /// LOFAR's own layouts (<see cref="LofarLbaDipoleTables"/>); antenna sets they do not list (e.g.
    /// international sparse sets) fall back to <see cref="IsolatedDipoles"/>.
    /// </summary>
    public static LbaDipoleDistances Lofar { get; } = new(
        LofarLbaDipoleTables.Distances,
        (station, set) => IsolatedDipoles.For(station, set).ToArray(),
        "LOFAR station layouts (CS001, RS106, DE601, as tabulated by TraP)");

    /// <summary>Nearest-dipole distances (m) of the dipoles a station of this class uses in this antenna set.</summary>
    public IReadOnlyList<double> For(LofarStationClass station, string antennaSet)
    {
        if (_table.TryGetValue((station, antennaSet), out var distances)) return distances;
        return _fallback?.Invoke(station, antennaSet) ?? throw new KeyNotFoundException(
            $"No LBA dipole distances for {station} stations in antenna set '{antennaSet}' in the {Description}; " +
            "add that station class and antenna set to the table.");
    }
}
