using Trap.Science.Quality;

namespace Trap.Science.Tests.Quality;

public class LofarTheoreticalNoiseTests
{
    // TraP's regression case (docs/science.md §3.4): LBA_INNER, 23 core + 8 remote stations.
    private const double Frequency = 66_308_593.75;
    private const double Bandwidth = 200e3;
    private const double Integration = 18_654.3;

    [Theory]
    [InlineData(120e6, 600)]
    [InlineData(150e6, 512)]
    [InlineData(180e6, 356)]
    [InlineData(200e6, 288)]
    [InlineData(210e6, 261)]
    [InlineData(240e6, 200)]
    public void HbaStationAreasMatchTrapsCheckValues(double frequencyHz, double coreArea)
    {
        Assert.InRange(LofarTheoreticalNoise.StationAreaM2(frequencyHz, "HBA", LofarStationClass.Core), coreArea - 3, coreArea + 3);
        Assert.InRange(LofarTheoreticalNoise.StationAreaM2(frequencyHz, "HBA_DUAL", LofarStationClass.Remote), 2 * coreArea - 6, 2 * coreArea + 6);
        Assert.InRange(LofarTheoreticalNoise.StationAreaM2(frequencyHz, "HBA_ONE", LofarStationClass.International), 4 * coreArea - 12, 4 * coreArea + 12);
    }

    [Fact]
    public void LbaInnerReproducesTrapsRegressionValue()
    {
        // docs/science.md §3.4: ν = 66 308 593.75 Hz, B = 200 kHz, τ = 18 654.3 s, LBA_INNER, 23 core + 8 remote
        // stations → 0.015901545 Jy (TraP's unit test asserts 7 decimals), with LOFAR's dipole layouts.
        var noise = LofarTheoreticalNoise.NoiseJy(Frequency, Bandwidth, Integration, "LBA_INNER", 23, 8, 0);
        Assert.Equal(0.015901545, noise, 7);
        // Both station classes then have 313.709 m² (sum of min(λ²/3, πd²/4) over the 48 dipoles).
        Assert.Equal(313.7094, LofarTheoreticalNoise.StationAreaM2(Frequency, "LBA_INNER", LofarStationClass.Core), 3);
        Assert.Equal(313.7094, LofarTheoreticalNoise.StationAreaM2(Frequency, "LBA_INNER", LofarStationClass.Remote), 3);
    }

    [Fact]
    public void IsolatedDipoleApproximationIsALowerBoundOnTheNoise()
    {
        // Where no layout is tabulated: 48 dipoles of λ²/3 each; independently computed (Python) 0.0152526 Jy.
        var noise = LofarTheoreticalNoise.NoiseJy(Frequency, Bandwidth, Integration, "LBA_INNER", 23, 8, 0,
            LbaDipoleDistances.IsolatedDipoles);
        Assert.Equal(0.0152526439, noise, 9);
        Assert.InRange(noise / 0.015901545, 0.95, 1.0);
    }

    [Fact]
    public void RemoteRemoteBaselinesUseTheCoreTimesRemoteSefdQuirk()
    {
        // 1 core + 2 remote: cc = 0, rr = 1, cr = 2 → Σ = 1/(Sr·Sc) + 2/(Sc·Sr), not 1/Sr² + 2/(Sc·Sr).
        const double f = 150e6, b = 1e6, t = 100;
        var sc = LofarTheoreticalNoise.Sefd(f, "HBA", LofarStationClass.Core);
        var sr = LofarTheoreticalNoise.Sefd(f, "HBA", LofarStationClass.Remote);
        var expected = 1 / Math.Sqrt(4 * b * t * (3 / (sc * sr)));
        Assert.Equal(expected, LofarTheoreticalNoise.NoiseJy(f, b, t, "HBA", 1, 2, 0), 12);
        Assert.NotEqual(1 / Math.Sqrt(4 * b * t * (1 / (sr * sr) + 2 / (sc * sr))), expected, 6);
    }

    [Fact]
    public void InternationalStationsLowerTheNoise()
    {
        var dutch = LofarTheoreticalNoise.NoiseJy(150e6, 1e6, 3600, "HBA", 24, 14, 0);
        var withInternational = LofarTheoreticalNoise.NoiseJy(150e6, 1e6, 3600, "HBA", 24, 14, 9);
        Assert.True(withInternational < dutch);
    }

    [Theory]
    [InlineData(10e6, 0.1)]
    [InlineData(55e6, 0.9)]
    [InlineData(65e6, 0.725)]
    [InlineData(85e6, 0.15)]
    [InlineData(100e6, 0.0)]
    public void InstrumentTemperatureFollowsTheSkyBelow90MHz(double frequencyHz, double ratio)
    {
        var sky = LofarTheoreticalNoise.SkyTemperatureK(frequencyHz);
        Assert.Equal(ratio * sky, LofarTheoreticalNoise.InstrumentTemperatureK(frequencyHz, sky), 9);
    }

    [Theory]
    [InlineData(115e6, 100)]
    [InlineData(150e6, 200)]
    [InlineData(300e6, 200)]
    public void InstrumentTemperatureIsAbsoluteAbove110MHz(double frequencyHz, double kelvin) =>
        Assert.Equal(kelvin, LofarTheoreticalNoise.InstrumentTemperatureK(frequencyHz, 1e6), 9);

    [Fact]
    public void SkyTemperatureIs60KTimesLambdaTo2Point55() =>
        Assert.Equal(60 * Math.Pow(2.0, 2.55), LofarTheoreticalNoise.SkyTemperatureK(LofarTheoreticalNoise.SpeedOfLight / 2), 9);

    [Fact]
    public void FrequencyAbove300MHzIsAClearError()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LofarTheoreticalNoise.NoiseJy(350e6, 1e6, 60, "HBA", 24, 0, 0));
        Assert.Contains("(0, 300] MHz", e.Message);
    }

    [Fact]
    public void MissingLbaTableEntryNamesStationAndAntennaSet()
    {
        var table = new LbaDipoleDistances(new Dictionary<(LofarStationClass, string), double[]>());
        var e = Assert.Throws<KeyNotFoundException>(() => LofarTheoreticalNoise.NoiseJy(50e6, 1e6, 60, "LBA_OUTER", 10, 0, 0, table));
        Assert.Contains("LBA_OUTER", e.Message);
        Assert.Contains("Core", e.Message);
    }
}
