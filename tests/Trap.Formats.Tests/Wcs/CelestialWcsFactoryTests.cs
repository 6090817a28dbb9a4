using Trap.Formats.Fits;
using Trap.Formats.Wcs;

namespace Trap.Formats.Tests.Wcs;

/// <summary>Building a WCS from parameters (synthetic survey) and the edges of the public API.</summary>
public class CelestialWcsFactoryTests
{
    [Fact]
    public void Simple_parameters_put_crval_at_the_reference_pixel()
    {
        var wcs = CelestialWcs.FromParameters(CelestialWcsParameters.Simple("SIN", 212.8, 52.2, 1023.5, 1023.5, -0.001, 0.001));
        Assert.True(wcs.TryPixelToSky(1023.5, 1023.5, out var ra, out var dec));
        Assert.Equal(212.8, ra, 10);
        Assert.Equal(52.2, dec, 10);
        // One pixel east (decreasing x for CDELT1 < 0) is 3.6″ away.
        Assert.True(wcs.TryPixelToSky(1022.5, 1023.5, out var ra2, out var dec2));
        Assert.True(ra2 > ra);
        Assert.Equal(3.6, SkyGeometry.SeparationDeg(ra, dec, ra2, dec2) * 3600, 6);
    }

    [Fact]
    public void Written_header_matches_what_astropy_style_readers_expect()
    {
        var wcs = CelestialWcs.FromParameters(CelestialWcsParameters.Simple("TAN", 10, -30, 99, 49, -0.01, 0.01));
        var header = new FitsHeader();
        wcs.AddToHeader(header);
        Assert.Equal("RA---TAN", header.GetString("CTYPE1"));
        Assert.Equal("DEC--TAN", header.GetString("CTYPE2"));
        Assert.Equal(100, header.GetDouble("CRPIX1"));
        Assert.Equal(50, header.GetDouble("CRPIX2"));
        Assert.Equal(-0.01, header.GetDouble("CDELT1"));
    }

    [Fact]
    public void Invalid_parameters_are_refused_naming_the_source()
    {
        var ok = CelestialWcsParameters.Simple("SIN", 10, 20, 0, 0, -0.01, 0.01);
        Assert.Equal("sim", Assert.Throws<FitsFormatException>(() => CelestialWcs.FromParameters(ok with { ReferenceLatitudeDeg = 91 }, "sim")).File);
        Assert.Throws<FitsFormatException>(() => CelestialWcs.FromParameters(ok with { Matrix = LinearMatrix.Diagonal(0.01, 0) }));
        Assert.Throws<FitsFormatException>(() => CelestialWcs.FromParameters(ok with { LatitudeAxis = 1 }));
        Assert.Throws<FitsFormatException>(() => CelestialWcs.FromParameters(ok with { ReferencePixelX = double.NaN }));
        Assert.Throws<FitsFormatException>(() => CelestialWcs.FromParameters(ok with { ProjectionCode = "XYZ" }));
    }

    [Fact]
    public void Non_finite_or_impossible_inputs_give_no_position()
    {
        var wcs = CelestialWcs.FromParameters(CelestialWcsParameters.Simple("SIN", 10, 20, 0, 0, -0.01, 0.01));
        Assert.False(wcs.TryPixelToSky(double.NaN, 0, out var ra, out var dec));
        Assert.True(double.IsNaN(ra) && double.IsNaN(dec));
        Assert.False(wcs.TrySkyToPixel(10, 91, out var x, out var y));
        Assert.True(double.IsNaN(x) && double.IsNaN(y));
        Assert.False(wcs.TrySkyToPixel(double.PositiveInfinity, 0, out _, out _));
        // The antipode of the reference point is on SIN's far hemisphere.
        Assert.False(wcs.TrySkyToPixel(190, -20, out _, out _));
    }

    [Fact]
    public void Aartfaac_corners_are_off_the_sky_and_its_far_side_does_not_project()
    {
        var wcs = WcsTestFiles.ReadWcs("derived/aartfaac_casacore_header.hdr");
        Assert.False(wcs.TryPixelToSky(0, 0, out _, out _));
        Assert.True(wcs.TryPixelToSky(512, 512, out var ra, out var dec));
        Assert.False(wcs.TrySkyToPixel(SkyGeometry.NormalizeLongitudeDeg(ra + 180), -dec, out _, out _));
    }

    [Fact]
    public void Trap_aartfaac_test_pair_is_reproduced()
    {
        // TraP's accessor test pair (docs/science.md §10.7): (839.506, 421.1947) ↔ (335.90109°, 44.654139°).
        var wcs = WcsTestFiles.ReadWcs("derived/aartfaac_casacore_header.hdr");
        Assert.True(wcs.TrySkyToPixel(335.90109, 44.654139, out var x, out var y));
        Assert.Equal(839.506, x, 2);
        Assert.Equal(421.1947, y, 3);
    }
}
