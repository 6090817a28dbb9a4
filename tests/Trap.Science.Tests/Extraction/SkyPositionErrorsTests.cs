using Trap.Formats.Wcs;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Sky;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// RA/Dec errors from the fit's full pixel covariance (docs/science.md §4.10) against the scatter of
/// positions drawn from that covariance and mapped through the WCS, on rotated, skewed and polar
/// WCSs where σx and σy turned onto east/north as if independent (TraP's step) are wrong.
/// </summary>
public class SkyPositionErrorsTests
{
    private const int Draws = 20_000;

    /// <summary>σx, σy (px) and their correlation: small, so the WCS is linear over the scatter even 2 px from the pole.</summary>
    private static readonly ErrorEstimates Errors = new(1, 0, 0, XErr: 0.04, YErr: 0.025, 0, 0, 0, XYCov: 0.7 * 0.04 * 0.025);

    public static TheoryData<string, double, double> Cases => new()
    {
        { "rotated", 140, 95 },
        { "skewed", 80, 160 },
        { "polar, 14 px from the pole", 0, 0 },
        { "polar, 2 px from the pole", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MarginalErrorsMatchTheScatterOfPositionsDrawnFromTheCovariance(string name, double x, double y)
    {
        var wcs = Wcs(name);
        if (name.StartsWith("polar"))
        {
            // Diagonally off the pole, where east and north lie at 45° to the pixel axes.
            Assert.True(wcs.TrySkyToPixel(0, 90, out var poleX, out var poleY));
            var offset = name.Contains("14 px") ? 10 : 1.4;
            (x, y) = (poleX + offset, poleY + offset);
        }
        Assert.True(wcs.TryPixelToSky(x, y, out var ra, out var dec));

        var (raErr, decErr) = SkyPositionErrors.Of(wcs.TryPixelToSky, x, y, ra, dec, Errors);

        var (eastSd, northSd) = Scatter(wcs, x, y, ra, dec);
        var cosDec = Math.Cos(dec * Math.PI / 180);
        // 20,000 draws: a standard deviation's relative error is 0.5 %.
        Assert.Equal(1, raErr * cosDec / eastSd, 0.02);
        Assert.Equal(1, decErr / northSd, 0.02);
    }

    private static CelestialWcs Wcs(string name)
    {
        const double arcsec = 1.0 / 3600;
        var parameters = name switch
        {
            // Square 4″ pixels turned by 35°.
            "rotated" => CelestialWcsParameters.Simple("TAN", 150, 20, 100, 100, 0, 0) with
            {
                Matrix = new LinearMatrix(-4 * arcsec * Math.Cos(0.61), 4 * arcsec * Math.Sin(0.61),
                    4 * arcsec * Math.Sin(0.61), 4 * arcsec * Math.Cos(0.61)),
            },
            // Non-square, skewed pixels (a CD matrix with unequal off-diagonal terms).
            "skewed" => CelestialWcsParameters.Simple("SIN", 210, -45, 100, 100, 0, 0) with
            {
                Matrix = new LinearMatrix(-4 * arcsec, 1.5 * arcsec, 0.5 * arcsec, 3 * arcsec),
            },
            // The simulator's polar pointing: 15″ pixels, centre at Dec 89.7°, the pole 72 px away.
            _ => CelestialWcsParameters.Simple("SIN", 120, 89.7, 127.5, 127.5, -15 * arcsec, 15 * arcsec),
        };
        return CelestialWcs.FromParameters(parameters);
    }

    /// <summary>Standard deviations (deg) of east (ΔRA·cos δ) and north (ΔDec) offsets of pixel positions drawn from <see cref="Errors"/>.</summary>
    private static (double East, double North) Scatter(CelestialWcs wcs, double x, double y, double ra, double dec)
    {
        var random = new Random(14);
        double eastSum = 0, northSum = 0, east2 = 0, north2 = 0;
        var rho = Errors.XYCov / (Errors.XErr * Errors.YErr);
        for (var i = 0; i < Draws; i++)
        {
            var (u, v) = (Gaussian(random), Gaussian(random));
            var dx = Errors.XErr * u;
            var dy = Errors.YErr * (rho * u + Math.Sqrt(1 - rho * rho) * v);
            Assert.True(wcs.TryPixelToSky(x + dx, y + dy, out var r, out var d));
            var east = SkyGeometry.LongitudeDifferenceDeg(r, ra) * Math.Cos(dec * Math.PI / 180);
            var north = d - dec;
            eastSum += east;
            northSum += north;
            east2 += east * east;
            north2 += north * north;
        }
        return (Math.Sqrt(east2 / Draws - Math.Pow(eastSum / Draws, 2)), Math.Sqrt(north2 / Draws - Math.Pow(northSum / Draws, 2)));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
