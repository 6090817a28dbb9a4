using Trap.Formats.Wcs;

namespace Trap.Formats.Tests.Wcs;

public class SkyGeometryTests
{
    [Theory]
    [InlineData(0, 0, 90, 0, 90)]
    [InlineData(0, 0, 0, 45, 45)]
    [InlineData(0, 0, 180, 0, 180)]
    [InlineData(10, 20, 190, -20, 180)]
    [InlineData(0, 90, 123, 90, 0)]
    [InlineData(359.9999, 0, 0.0001, 0, 0.0002)]
    [InlineData(0, -90, 0, 90, 180)]
    public void Separation_of_known_pairs(double ra1, double dec1, double ra2, double dec2, double expected)
    {
        Assert.Equal(expected, SkyGeometry.SeparationDeg(ra1, dec1, ra2, dec2), 10);
    }

    [Fact]
    public void Tiny_separations_keep_their_relative_precision()
    {
        // 1 microarcsecond along declination and along RA at δ = 60° (where Δα cos δ counts), to 0.1%:
        // the limit is the input itself (a latitude near 1 rad holds ~1e-16 rad), while acos of a dot
        // product would be off by ~1e-8 rad here.
        var uas = 1e-6 / 3600;
        var dec2 = 60 + uas;
        Assert.Equal(dec2 - 60, SkyGeometry.SeparationDeg(0, 60, 0, dec2), uas * 1e-3);
        Assert.Equal(uas, SkyGeometry.SeparationDeg(0, 60, 2 * uas, 60), uas * 1e-3);
    }

    [Fact]
    public void Separation_is_symmetric_and_ignores_ra_wrap()
    {
        var a = SkyGeometry.SeparationDeg(359.5, 10, 0.5, 11);
        Assert.Equal(a, SkyGeometry.SeparationDeg(0.5, 11, 359.5, 10), 12);
        Assert.Equal(a, SkyGeometry.SeparationDeg(-0.5, 10, 360.5, 11), 12);
    }

    [Theory]
    [InlineData(-10, 350)]
    [InlineData(720.5, 0.5)]
    [InlineData(360, 0)]
    [InlineData(0, 0)]
    [InlineData(-1e-17, 0)]
    public void Longitudes_normalise_into_0_360(double input, double expected)
    {
        var normalised = SkyGeometry.NormalizeLongitudeDeg(input);
        Assert.InRange(normalised, 0, 360);
        Assert.True(normalised < 360);
        Assert.Equal(expected, normalised, 12);
    }
}
