using Trap.Formats.Wcs;
using System.Globalization;
using System.Runtime.CompilerServices;
using Trap.Science.Quality;
using Trap.Science.Quality.Ephemeris;

namespace Trap.Science.Tests.Quality;

public class EphemerisTests
{
    /// <summary>
    /// Reference positions: astropy 5.2.1's built-in ephemeris (get_body, apparent geocentric GCRS) at 120
    /// instants 1990–2040, written by Fixtures/make_ephemeris_reference.py.
    /// </summary>
    private static IEnumerable<(DateTime Utc, SolarSystemBody Body, double Ra, double Dec)> Reference()
    {
        var path = Path.Combine(Path.GetDirectoryName(SourceFile())!, "Fixtures", "ephemeris-reference.csv");
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            yield return (
                DateTime.SpecifyKind(DateTime.Parse(f[0], CultureInfo.InvariantCulture), DateTimeKind.Utc),
                f[1] == "sun" ? SolarSystemBody.Sun : SolarSystemBody.Jupiter,
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture));
        }
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;

    [Theory]
    [InlineData(SolarSystemBody.Sun, 0.01)] // measured worst 0.0062°
    [InlineData(SolarSystemBody.Jupiter, 0.15)] // measured worst 0.115°: the elements' own error
    public void PositionsAgreeWithAstropyWellInsideTheCheckTolerance(SolarSystemBody body, double maxErrorDeg)
    {
        var rows = Reference().Where(r => r.Body == body).ToList();
        Assert.Equal(120, rows.Count);
        var worst = rows.Max(r =>
        {
            var (ra, dec) = SolarSystemEphemeris.Position(body, r.Utc);
            return SkyGeometry.SeparationDeg(ra, dec, r.Ra, r.Dec);
        });
        Assert.True(worst < maxErrorDeg, $"{body}: worst error {worst:F4}° exceeds {maxErrorDeg}°");
    }

    [Fact]
    public void OutsideTheElementsValidityIsAnError()
    {
        Assert.False(SolarSystemEphemeris.IsValid(new DateTime(2051, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.True(SolarSystemEphemeris.IsValid(new DateTime(1800, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SolarSystemEphemeris.Position(SolarSystemBody.Sun, new DateTime(1700, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void SunIsAtTheEquinoxPointAtTheMarchEquinox()
    {
        // 2024 March equinox: 2024-03-20 03:06 UTC (published); the Sun crosses RA 0, Dec 0 then
        // (the J2000 equinox has precessed by 0.34° since, hence the tolerance).
        var (ra, dec) = SolarSystemEphemeris.Position(SolarSystemBody.Sun, new DateTime(2024, 3, 20, 3, 6, 0, DateTimeKind.Utc));
        Assert.True(SkyGeometry.SeparationDeg(ra, dec, 0, 0) < 0.4);
    }
}
