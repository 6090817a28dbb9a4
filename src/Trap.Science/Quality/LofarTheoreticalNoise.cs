using Trap.Images;

namespace Trap.Science.Quality;

/// <summary>
/// TraP's theoretical image noise of a LOFAR observation (docs/science.md §3.4, tkp/telescope/lofar/noise.py),
/// including its quirk of weighting remote–remote baselines with S_remote·S_core.
/// </summary>
public static class LofarTheoreticalNoise
{
    public const double SpeedOfLight = 299_792_458.0;

    /// <summary>Boltzmann constant, J/K (SI 2019 exact value).</summary>
    public const double Boltzmann = 1.380649e-23;

    /// <summary>HBA dipole area cap (m²), tiles of 16 antennas, and tiles per station class.</summary>
    private const double HbaMaxDipoleArea = 1.5625;
    private const int AntennasPerTile = 16;

    /// <summary>T_inst / T_sky (below 90 MHz) or T_inst in K (from 110 MHz) at frequencies in Hz.</summary>
    private static readonly (double Hz, double Value, bool RelativeToSky)[] InstrumentTemperatureTable =
    [
        (0, 0, true), (10e6, 0.1, true), (40e6, 0.7, true), (50e6, 0.85, true), (55e6, 0.9, true),
        (60e6, 0.85, true), (70e6, 0.6, true), (80e6, 0.3, true), (90e6, 0, true), (110e6, 0, false),
        (120e6, 200, false), (300e6, 200, false),
    ];

    /// <summary>σ_th in Jy for the LOFAR fields of an image.</summary>
    public static double NoiseJy(double frequencyHz, double bandwidthHz, double integrationSeconds, LofarFields lofar,
        LbaDipoleDistances? lbaDistances = null) =>
        NoiseJy(frequencyHz, bandwidthHz, integrationSeconds, lofar.AntennaSet,
            lofar.CoreStations, lofar.RemoteStations, lofar.InternationalStations, lbaDistances);

    /// <summary>
    /// σ_th = 1 / sqrt(4·B·τ·Σ baselines/(S_i·S_j)) in Jy, weighting factor 1. Throws
    /// ArgumentOutOfRangeException outside 0–300 MHz (the instrument-temperature table's range).
    /// </summary>
    public static double NoiseJy(double frequencyHz, double bandwidthHz, double integrationSeconds, string antennaSet,
        int core, int remote, int international, LbaDipoleDistances? lbaDistances = null)
    {
        var sc = Sefd(frequencyHz, antennaSet, LofarStationClass.Core, lbaDistances);
        var sr = Sefd(frequencyHz, antennaSet, LofarStationClass.Remote, lbaDistances);
        // TraP has international LBA tables only for LBA, LBA_INNER and LBA_OUTER: ask only when such stations took part.
        var si = international > 0 ? Sefd(frequencyHz, antennaSet, LofarStationClass.International, lbaDistances) : double.NaN;
        double cc = core * (core - 1) / 2.0, rr = remote * (remote - 1) / 2.0, ii = international * (international - 1) / 2.0;
        double cr = core * (double)remote, ci = core * (double)international, ri = remote * (double)international;
        var sum = cc / (sc * sc) + rr / (sr * sc) + cr / (sc * sr);
        if (international > 0) sum += ii / (si * si) + ci / (sc * si) + ri / (sr * si);
        return 1.0 / Math.Sqrt(4.0 * bandwidthHz * integrationSeconds * sum);
    }

    /// <summary>System equivalent flux density of one station, Jy: 2·k_B·(T_sky + T_inst)/A·1e26 (η = 1).</summary>
    public static double Sefd(double frequencyHz, string antennaSet, LofarStationClass station, LbaDipoleDistances? lbaDistances = null)
    {
        var area = StationAreaM2(frequencyHz, antennaSet, station, lbaDistances);
        var tSky = SkyTemperatureK(frequencyHz);
        return 2.0 * Boltzmann * (tSky + InstrumentTemperatureK(frequencyHz, tSky)) / area * 1e26;
    }

    /// <summary>
    /// Effective collecting area of a station, m². λ &gt; 3 m (LBA): Σ over the station's dipoles of
    /// min(λ²/3, π·d²/4). Otherwise (HBA; any antenna set not starting with "LBA"):
    /// 16 × tiles × min(λ²/3, 1.5625) with 24 / 48 / 96 tiles for core / remote / international.
    /// </summary>
    public static double StationAreaM2(double frequencyHz, string antennaSet, LofarStationClass station,
        LbaDipoleDistances? lbaDistances = null)
    {
        var lambda = SpeedOfLight / frequencyHz;
        var maxArea = lambda * lambda / 3.0;
        if (lambda > 3.0)
        {
            var area = 0.0;
            foreach (var d in (lbaDistances ?? LbaDipoleDistances.Lofar).For(station, antennaSet))
                area += Math.Min(maxArea, Math.PI * d * d / 4.0);
            return area;
        }
        var tiles = station switch
        {
            LofarStationClass.Core => 24,
            LofarStationClass.Remote => 48,
            _ => 96,
        };
        return AntennasPerTile * tiles * Math.Min(maxArea, HbaMaxDipoleArea);
    }

    /// <summary>T_sky = 60 K · λ^2.55 (λ in m).</summary>
    public static double SkyTemperatureK(double frequencyHz) => 60.0 * Math.Pow(SpeedOfLight / frequencyHz, 2.55);

    /// <summary>T_inst by linear interpolation in frequency over TraP's table (docs/science.md §3.4).</summary>
    public static double InstrumentTemperatureK(double frequencyHz, double skyTemperatureK)
    {
        var table = InstrumentTemperatureTable;
        if (!(frequencyHz > table[0].Hz && frequencyHz <= table[^1].Hz))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), frequencyHz,
                $"LOFAR instrument temperature is tabulated for (0, 300] MHz only; {frequencyHz / 1e6:G6} MHz is outside.");
        }
        var i = 1;
        while (frequencyHz > table[i].Hz) i++;
        var (lo, hi) = (table[i - 1], table[i]);
        var vLo = lo.RelativeToSky ? lo.Value * skyTemperatureK : lo.Value;
        var vHi = hi.RelativeToSky ? hi.Value * skyTemperatureK : hi.Value;
        return vLo + (vHi - vLo) * (frequencyHz - lo.Hz) / (hi.Hz - lo.Hz);
    }
}
