using Trap.Formats.Fits;
using Trap.Formats.Wcs;

namespace Trap.Formats.Tests.Wcs;

/// <summary>Header rules: axis search, matrix precedence, units, pole defaults, and clear errors.</summary>
public class WcsHeaderReaderTests
{
    private static readonly string[] SinBase =
    [
        "CTYPE1  = 'RA---SIN'", "CTYPE2  = 'DEC--SIN'", "CRVAL1  = 150.0", "CRVAL2  = 30.0",
        "CRPIX1  = 101.0", "CRPIX2  = 51.0",
    ];

    private static CelestialWcs Wcs(params string[] cards) => CelestialWcs.FromHeader(FitsHeader.FromCardImages(cards), "test.fits");

    private static FitsFormatException Refused(params string[] cards) =>
        Assert.Throws<FitsFormatException>(() => Wcs(cards));

    [Fact]
    public void Reference_pixel_is_crpix_minus_one_and_maps_to_crval()
    {
        var wcs = Wcs([.. SinBase, "CDELT1  = -0.001", "CDELT2  = 0.001"]);
        Assert.Equal(100, wcs.Parameters.ReferencePixelX);
        Assert.Equal(50, wcs.Parameters.ReferencePixelY);
        Assert.True(wcs.TryPixelToSky(100, 50, out var ra, out var dec));
        Assert.Equal(150, ra, 10);
        Assert.Equal(30, dec, 10);
    }

    [Fact]
    public void Pc_beats_cd_which_beats_crota2()
    {
        var pc = Wcs([.. SinBase, "CDELT1  = -0.001", "CDELT2  = 0.002", "PC1_1   = 1.0", "CD1_1   = 5.0", "CD2_2   = 5.0", "CROTA2  = 30.0"]);
        Assert.Equal(LinearMatrix.Diagonal(-0.001, 0.002), pc.Matrix);
        var cd = Wcs([.. SinBase, "CDELT1  = -0.001", "CD1_1   = -0.003", "CD1_2   = 0.0001", "CD2_2   = 0.004", "CROTA2  = 30.0"]);
        Assert.Equal(new LinearMatrix(-0.003, 0.0001, 0, 0.004), cd.Matrix);
    }

    [Fact]
    public void Crota2_builds_the_aips_rotation_and_crota1_alone_is_ignored()
    {
        var wcs = Wcs([.. SinBase, "CDELT1  = -0.002", "CDELT2  = 0.003", "CROTA2  = 30.0"]);
        var (s, c) = Math.SinCos(Math.PI / 6);
        var m = wcs.Matrix;
        Assert.Equal(-0.002 * c, m.M11, 15);
        Assert.Equal(-0.003 * s, m.M12, 15);
        Assert.Equal(-0.002 * s, m.M21, 15);
        Assert.Equal(0.003 * c, m.M22, 15);
        Assert.Equal(0.002, wcs.PixelScaleXDeg, 15);
        Assert.Equal(0.003, wcs.PixelScaleYDeg, 15);
        var crota1 = Wcs([.. SinBase, "CDELT1  = -0.002", "CDELT2  = 0.003", "CROTA1  = 30.0"]);
        Assert.Equal(LinearMatrix.Diagonal(-0.002, 0.003), crota1.Matrix);
    }

    [Fact]
    public void Legacy_pc00i00j_means_pci_j()
    {
        var modern = Wcs([.. SinBase, "CDELT1  = -0.001", "CDELT2  = 0.001", "PC1_2   = 0.25", "PC2_1   = -0.5"]);
        var legacy = Wcs([.. SinBase, "CDELT1  = -0.001", "CDELT2  = 0.001", "PC001002= 0.25", "PC002001= -0.5"]);
        Assert.Equal(modern.Matrix, legacy.Matrix);
        Assert.Equal(new LinearMatrix(-0.001, -0.00025, -0.0005, 0.001), legacy.Matrix);
    }

    [Fact]
    public void Real_ami_la_file_with_legacy_pc_keywords_reads_as_identity()
    {
        var wcs = WcsTestFiles.ReadWcs("ami-la/GRB120422A-120429.fits");
        Assert.Equal(LinearMatrix.Diagonal(-1.388888888889E-03, 1.388888888889E-03), wcs.Matrix);
    }

    [Theory]
    [InlineData("rad", Math.PI / 180)]
    [InlineData("ARCMIN", 60.0)]
    [InlineData("arcsec", 3600.0)]
    [InlineData("deg", 1.0)]
    public void Cunit_converts_crval_and_cdelt_to_degrees(string unit, double perDegree)
    {
        string F(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var wcs = Wcs("CTYPE1  = 'RA---SIN'", "CTYPE2  = 'DEC--SIN'", $"CUNIT1  = '{unit}'", $"CUNIT2  = '{unit}'",
            $"CRVAL1  = {F(150 * perDegree)}", $"CRVAL2  = {F(30 * perDegree)}",
            $"CDELT1  = {F(-0.001 * perDegree)}", $"CDELT2  = {F(0.001 * perDegree)}");
        Assert.Equal(150, wcs.ReferenceLongitudeDeg, 9);
        Assert.Equal(30, wcs.ReferenceLatitudeDeg, 9);
        Assert.Equal(0.001, wcs.PixelScaleXDeg, 15);
    }

    [Fact]
    public void Cunit_that_is_not_an_angle_is_refused()
    {
        var e = Refused([.. SinBase, "CUNIT1  = 'Hz'"]);
        Assert.Contains("CUNIT1", e.Problem);
        Assert.Equal("test.fits", e.File);
    }

    [Fact]
    public void Celestial_axes_are_found_by_ctype_at_any_index()
    {
        var wcs = Wcs("NAXIS   = 2", "CTYPE1  = 'FREQ'", "CTYPE2  = 'STOKES'", "CTYPE3  = 'RA---TAN'", "CTYPE4  = 'DEC--TAN'",
            "CRVAL3  = 10.0", "CRVAL4  = -20.0", "CDELT3  = -0.01", "CDELT4  = 0.01", "CRPIX3  = 5.0", "CRPIX4  = 6.0");
        Assert.Equal((3, 4), (wcs.LongitudeAxis, wcs.LatitudeAxis));
        Assert.Equal((4, 5), (wcs.Parameters.ReferencePixelX, wcs.Parameters.ReferencePixelY));
        Assert.Equal("TAN", wcs.ProjectionCode);
    }

    [Fact]
    public void Coordinate_system_comes_from_the_ctype_prefixes()
    {
        Assert.Equal(CelestialSystem.Galactic, WcsTestFiles.ReadWcs("aegean-wcs/1904-66_SIN.lb.fits").System);
        Assert.Equal(CelestialSystem.Equatorial, WcsTestFiles.ReadWcs("lofar-wsclean/psf.fits").System);
        Assert.Equal(CelestialSystem.Ecliptic,
            Wcs("CTYPE1  = 'ELON-CAR'", "CTYPE2  = 'ELAT-CAR'", "CDELT1  = -1.0", "CDELT2  = 1.0").System);
    }

    [Fact]
    public void Pixel_scale_comes_from_cdelt_or_the_cd_matrix()
    {
        Assert.Equal(5.0 / 3600, WcsTestFiles.ReadWcs("lofar-wsclean/GRB201006A_final_2min_srcs-t0002-image-pb_cutout.fits").PixelScaleXDeg, 12);
        var cd = WcsTestFiles.ReadWcs("aegean-wcs/1904-66_SIN.lb.fits");
        Assert.Equal(6.965994834900E-02, cd.PixelScaleXDeg, 15);
        Assert.Equal(6.965994834900E-02, cd.PixelScaleYDeg, 15);
        var aartfaac = WcsTestFiles.ReadWcs("derived/aartfaac_casacore_header.hdr");
        Assert.Equal(0.1121407099276, aartfaac.PixelScaleXDeg, 12);
        Assert.True(aartfaac.Matrix.M11 > 0 && aartfaac.Matrix.M22 < 0, "AARTFAAC's flipped CDELTs are kept in the matrix");
    }

    [Theory]
    [InlineData("SIN", 30.0, 180.0)]
    [InlineData("SIN", 90.0, 0.0)]
    [InlineData("SIN", -90.0, 180.0)]
    [InlineData("CAR", 30.0, 0.0)]
    [InlineData("AIT", -40.0, 180.0)]
    public void Lonpole_defaults_follow_the_standard(string projection, double dec0, double expected)
    {
        string F(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var wcs = Wcs($"CTYPE1  = 'RA---{projection}'", $"CTYPE2  = 'DEC--{projection}'", $"CRVAL2  = {F(dec0)}", "CDELT1  = -1.0", "CDELT2  = 1.0");
        Assert.Equal(expected, wcs.LonPoleDeg, 12);
    }

    [Fact]
    public void Explicit_lonpole_is_used()
    {
        Assert.Equal(170, Wcs([.. SinBase, "LONPOLE = 170.0"]).LonPoleDeg, 12);
    }

    [Fact]
    public void Missing_celestial_axes_are_refused()
    {
        var e = Refused("NAXIS   = 2", "CTYPE1  = 'FREQ'", "CTYPE2  = 'STOKES'");
        Assert.Contains("celestial", e.Problem);
        Assert.NotEmpty(e.Remedy);
        Refused("CTYPE1  = 'RA---SIN'", "CTYPE2  = 'FREQ'");
    }

    [Fact]
    public void Unsupported_projection_is_refused_with_the_supported_list()
    {
        var e = Refused("CTYPE1  = 'RA---MER'", "CTYPE2  = 'DEC--MER'");
        Assert.Contains("'MER'", e.Problem);
        Assert.Contains("SIN", e.Remedy);
        Assert.Contains("test.fits", e.Message);
    }

    [Theory]
    [InlineData("CDELT1  = 0.0")]
    [InlineData("CD1_1   = 0.001")]
    public void Singular_matrix_is_refused(string card)
    {
        var e = Refused([.. SinBase, card]);
        Assert.Contains("singular", e.Problem);
    }

    [Fact]
    public void Inconsistent_celestial_axes_are_refused()
    {
        Assert.Contains("systems", Refused("CTYPE1  = 'RA---SIN'", "CTYPE2  = 'GLAT-SIN'").Problem);
        Assert.Contains("projections", Refused("CTYPE1  = 'RA---SIN'", "CTYPE2  = 'DEC--TAN'").Problem);
        Assert.Contains("more than one", Refused("CTYPE1  = 'RA---SIN'", "CTYPE2  = 'DEC--SIN'", "CTYPE3  = 'RA---SIN'").Problem);
        Assert.Contains("projection code", Refused("CTYPE1  = 'RA'", "CTYPE2  = 'DEC'").Problem);
    }

    [Fact]
    public void Moved_reference_point_is_refused_but_default_pv_is_accepted()
    {
        Assert.Contains("PV1_1", Refused([.. SinBase, "PV1_1   = 5.0"]).Problem);
        Assert.Equal("SIN", Wcs([.. SinBase, "PV1_1   = 0.0", "PV1_2   = 90.0"]).ProjectionCode);
    }

    [Fact]
    public void Lonpole_without_a_consistent_pole_is_refused()
    {
        // CAR with θ0 = 0 and φp − φ0 = 90°: only δ0 = 0 has a native pole.
        var e = Refused("CTYPE1  = 'RA---CAR'", "CTYPE2  = 'DEC--CAR'", "CRVAL2  = 60.0", "LONPOLE = 90.0");
        Assert.Contains("LONPOLE", e.Problem);
    }
}
