using Trap.Images.Accessors;
using Trap.TestSupport;

namespace Trap.Images.Tests;

/// <summary>
/// Every readable real image through <see cref="ImageReader"/>: metadata against the header values,
/// the CASA records (docs/science.md §10.4, §10.6; python-casacore) and astropy's WCS; pixels against
/// wcs-reference.json. CASA images need casacore-tools.
/// </summary>
public class RealImageTests
{
    private const string L55596 = "lofar-casa/L55596_000TO009_skymodellsc_wmax6000_noise_mult10_cell40_npix512_wplanes215.img.restored.corr";

    /// <summary>What each image must give. Beam in degrees; centre from astropy (FITS) or the pointing centre (CASA).</summary>
    private sealed record Expected(
        string Telescope, string Accessor, int Size, double FrequencyHz, double BandwidthHz,
        double BmajDeg, double BminDeg, double BpaDeg, DateTime Start, double IntegrationSeconds,
        double CentreRa, double CentreDec, double PixelDeg);

    private static DateTime Utc(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static readonly Expected WscleanCutout = new("LOFAR", "generic", 256, 143_650_817.871094, 46_875_000,
        0.00901909702591635, 0.00498843516558039, 38.6860542609271, Utc("2020-10-06T01:26:36.8"), 0,
        61.4224805828933, 63.333472486959835, 0.0013888888888889);

    private static readonly Expected Swift = new("AMI-LA", "ami-la", 512, 16_879_928_130, 2_248_443_750,
        0.01708134757148, 0.006596771346198, 13.54555225372, Utc("2013-05-04T18:59:19.996801"), 0,
        173.1387083, 27.6915, 0.001388888888889);

    private static readonly Expected AmiLa = new("AMI-LA", "ami-la", 512, 15_755_706_255, 5_246_368_750,
        40.02118682861328 / 3600, 24.657058715820312 / 3600, 20.616405487060547, Utc("2013-04-29T18:45:42.4944"), 0,
        173.1387083, 27.6915, 0.001388888888889);

    private static readonly Expected Kat7 = new("KAT-7", "kat7", 256, 1_826_492_187.5, 234_765_625,
        120.0 / 3600, 120.0 / 3600, 0.0, Utc("2011-12-16T04:35:07.614867"), 0,
        230.1702169912, -57.16669576796, 0.005);

    private static readonly Expected LofarCasa = new("LOFAR", "lofar", 512, 115_917_968.75, 1_940_917.96875,
        211.01333618164062 / 3600, 148.09117126464844 / 3600, 63.5693359375, Utc("2012-04-06T04:24:01"),
        4_898_544_550.156864 - 4_840_403_041.0, 212.8358333333, 52.2025, 40.0 / 3600);

    private static readonly Dictionary<string, Expected> Images = new()
    {
        ["lofar-wsclean/GRB201006A_final_2min_srcs-t0002-image-pb_cutout.fits"] = WscleanCutout,
        ["derived/GRB201006A_cutout.fits.gz"] = WscleanCutout,
        ["lofar-wsclean/psf.fits"] = new("LOFAR", "generic", 512, 120_310_974.121094, 195_312.5,
            0.0633232621135594, 0.0464591005462208, 86.7612722265415, Utc("2020-01-01T00:00:00"), 0,
            123.400216667, 48.217295, 0.0111111111111111),
        // VOPT axis: ν0 = RESTFRQ at v = 0; Δν = ν0/(1 + CDELT4/c) − ν0 with CDELT4 = −24,959,670.53 m/s.
        ["ami-la/GRB120422A-120429.fits"] = new("AMI-LA", "ami-la", 512, 16_505_187_505, 1_498_962_500.0,
            0.01506752332052, 0.006847996711731, 5.014526367188, Utc("2012-04-29T17:19:23.001599"), 0,
            136.91025, 14.01822222, 0.001388888888889),
        ["ami-la/SWIFT_554620-130504.fits"] = Swift,
        ["ami-la/SWIFT_554620-130504.image"] = Swift,
        ["ami-la/ami-la.image"] = AmiLa,
        ["derived/ami-la.image2fits.fits"] = AmiLa,
        ["kat7/kat7.image"] = Kat7,
        ["derived/kat7.image2fits.fits"] = Kat7,
        [L55596] = LofarCasa,
        // The FITS conversion loses the LOFAR subtables: generic path, the image's own obsdate, no integration.
        ["derived/L55596_restored_corr.image2fits.fits"] = LofarCasa with
        {
            Accessor = "generic", Start = Utc("2012-04-06T04:24:11.013901"), IntegrationSeconds = 0,
        },
    };

    public static TheoryData<string> ImagePaths() => new(Images.Keys);

    [Theory]
    [MemberData(nameof(ImagePaths))]
    public void MetadataMatchesTheReference(string relative)
    {
        var expected = Images[relative];
        var metadata = ImageReader.ReadMetadata(RealData.PathOf(relative));
        Assert.Equal(RealData.PathOf(relative), metadata.Url);
        Assert.Equal(expected.Telescope, metadata.Telescope);
        Assert.Equal(expected.Accessor, metadata.Accessor);
        Assert.Equal(expected.Size, metadata.Width);
        Assert.Equal(expected.Size, metadata.Height);
        AssertRelative(expected.FrequencyHz, metadata.FrequencyHz, 1e-9);
        AssertRelative(expected.BandwidthHz, metadata.BandwidthHz, 1e-9);
        AssertRelative(expected.BmajDeg, metadata.Beam.MajorFwhmDeg, 1e-9);
        AssertRelative(expected.BminDeg, metadata.Beam.MinorFwhmDeg, 1e-9);
        Assert.Equal(expected.BpaDeg, metadata.Beam.PositionAngleDeg, 1e-9);
        Assert.Equal(expected.Start, metadata.StartUtc, TimeSpan.FromMicroseconds(2));
        Assert.Equal(DateTimeKind.Utc, metadata.StartUtc.Kind);
        Assert.Equal(expected.IntegrationSeconds, metadata.IntegrationSeconds, 1e-5);
        Assert.Equal(expected.CentreRa, metadata.CentreRaDeg, 1e-7);
        Assert.Equal(expected.CentreDec, metadata.CentreDecDeg, 1e-7);
        AssertRelative(expected.PixelDeg, metadata.PixelSizeXDeg, 1e-9);
        AssertRelative(expected.PixelDeg, metadata.PixelSizeYDeg, 1e-9);
        Assert.Equal("I", metadata.Stokes);
        Assert.Equal(expected.Accessor == "lofar", metadata.Lofar is not null);
    }

    [Theory]
    [MemberData(nameof(ImagePaths))]
    public void PixelsMatchTheReferenceStatistics(string relative)
    {
        var image = ImageReader.Read(RealData.PathOf(relative));
        Assert.Equal(image.Width * image.Height, image.Pixels.Length);
        var reference = PlaneStats.Of(relative == "derived/GRB201006A_cutout.fits.gz"
            ? "lofar-wsclean/GRB201006A_final_2min_srcs-t0002-image-pb_cutout.fits"
            : relative);
        Assert.NotNull(reference);
        var actual = PlaneStats.FromPixels(image.Pixels);
        Assert.Equal(reference.NaNs, actual.NaNs);
        Assert.Equal(reference.Min, actual.Min);
        Assert.Equal(reference.Max, actual.Max);
        Assert.Equal(reference.Sum, actual.Sum, Math.Abs(reference.Sum) * 1e-9 + 1e-12);
    }

    [Fact]
    public void LofarCasaImageCarriesItsLofarFields()
    {
        var metadata = ImageReader.ReadMetadata(RealData.PathOf(L55596));
        Assert.Equal(new LofarFields("HBA_DUAL", 42, 3, 0, 10, 195_312.5, null), metadata.Lofar);
        Assert.Equal("casa", metadata.Extra["Format"]);
        // The image's own obsdate is kept for reference; the start is the observation's.
        Assert.StartsWith("2012-04-06T04:24:11.0139", metadata.Extra["ImageObsDate"]);
    }

    [Fact]
    public void AartfaacHeaderGivesTrapsBeamInPixels()
    {
        var metadata = ImageReader.ReadMetadata(RealData.PathOf("derived/aartfaac_casacore_header.hdr"));
        Assert.Equal("aartfaac", metadata.Accessor);
        Assert.Equal(1024, metadata.Width);
        Assert.Equal(57_806_396.0, metadata.FrequencyHz, 1e-6);
        // VOPT CDELT3 = −993,787.16 m/s: ν0/(1 + v/c) − ν0.
        Assert.Equal(192_260.742156, metadata.BandwidthHz, 1e-3);
        Assert.Equal(4.46, metadata.BeamPixels.SemiMajorPx, 2);
        Assert.Equal(4.46, metadata.BeamPixels.SemiMinorPx, 2);
        Assert.Equal(0.1121407099276, metadata.PixelSizeXDeg);
        Assert.Equal(new DateTime(2013, 11, 20, 13, 39, 58, DateTimeKind.Utc).AddTicks(6_773_510), metadata.StartUtc);
        Assert.Equal(271.5989539866, metadata.CentreRaDeg, 1e-7);
        Assert.Equal(52.91512243454, metadata.CentreDecDeg, 1e-7);
        Assert.Contains(metadata.Warnings, w => w.Contains("placeholder"));
    }

    [Fact]
    public void Kat7BeamInPixels()
    {
        // 120″ beam on 18″ pixels: semi-axes of 60″/18″ pixels.
        var metadata = ImageReader.ReadMetadata(RealData.PathOf("kat7/kat7.image"));
        Assert.Equal(60.0 / 18.0, metadata.BeamPixels.SemiMajorPx, 9);
        Assert.Equal(60.0 / 18.0, metadata.BeamPixels.SemiMinorPx, 9);
    }

    [Fact]
    public void SwiftFitsAndCasaGiveTheSameImage()
    {
        var fits = ImageReader.Read(RealData.PathOf("ami-la/SWIFT_554620-130504.fits"));
        var casa = ImageReader.Read(RealData.PathOf("ami-la/SWIFT_554620-130504.image"));
        var a = fits.Metadata;
        var b = casa.Metadata;
        Assert.Equal((a.Telescope, a.Accessor, a.Width, a.Height, a.Stokes), (b.Telescope, b.Accessor, b.Width, b.Height, b.Stokes));
        AssertRelative(a.FrequencyHz, b.FrequencyHz, 1e-12);
        AssertRelative(a.BandwidthHz, b.BandwidthHz, 1e-9);
        AssertRelative(a.Beam.MajorFwhmDeg, b.Beam.MajorFwhmDeg, 1e-9);
        AssertRelative(a.Beam.MinorFwhmDeg, b.Beam.MinorFwhmDeg, 1e-9);
        Assert.Equal(a.Beam.PositionAngleDeg, b.Beam.PositionAngleDeg, 1e-9);
        Assert.Equal(a.StartUtc, b.StartUtc, TimeSpan.FromMicroseconds(2));
        Assert.Equal(a.CentreRaDeg, b.CentreRaDeg, 1e-9);
        Assert.Equal(a.CentreDecDeg, b.CentreDecDeg, 1e-9);
        Assert.Equal(a.PixelSizeXDeg, b.PixelSizeXDeg, 1e-15);
        Assert.Equal(a.IntegrationSeconds, b.IntegrationSeconds);
        Assert.Equal(fits.Pixels, casa.Pixels);
    }

    [Fact]
    public void ObitImageWithoutFrequencyIsRefusedClearly()
    {
        var path = RealData.PathOf("headers/obit_missing_metadata.fits");
        var error = Assert.Throws<ImageFormatException>(() => ImageReader.Read(path));
        Assert.Equal(path, error.File);
        Assert.Contains("no observing frequency", error.Problem);
        Assert.Contains("RESTFRQ", error.Problem);
    }

    [Theory]
    [InlineData("aegean-wcs/1904-66_SIN.fits", "DATE-OBS")]
    [InlineData("aegean-wcs/1904-66_AIT.fits", "DATE-OBS")]
    [InlineData("aegean-wcs/small_4D.fits", "DATE-OBS")]
    [InlineData("aegean-wcs/small_5D.fits", "DATE-OBS")]
    [InlineData("aegean-wcs/1904-66_SIN.lb.fits", "frequency")]
    [InlineData("aegean-wcs/1904-66_SIN_psf.fits", "frequency")]
    public void WcsTestMapsLackObservationMetadata(string relative, string missing)
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageReader.ReadMetadata(RealData.PathOf(relative)));
        Assert.Contains(missing, error.Problem);
    }

    [Fact]
    public void WcsTestMapWithADateIsReadAtItsCentre()
    {
        // 1904-66_SIN has the celestial pole at its reference point; astropy puts pixel (96, 96) at
        // (284.9625, −66.2658). Its only frequency is RESTFRQ (TraP's path, 1 MHz bandwidth).
        var header = TestHeaders.With(TestHeaders.Real("aegean-wcs/1904-66_SIN.fits"), ("DATE-OBS", "2000-01-01T00:00:00"));
        var metadata = FitsImageParser.Parse(header, new[] { 192, 192 }, "1904-66_SIN.fits");
        Assert.Equal(284.9624999999978, metadata.CentreRaDeg, 1e-7);
        Assert.Equal(-66.26583333332863, metadata.CentreDecDeg, 1e-7);
        Assert.Equal(1_420_405_750.0, metadata.FrequencyHz);
        Assert.Equal(0.2399999936422, metadata.Beam.MajorFwhmDeg);
    }

    [Fact]
    public void AipsPlusPlusHeaderNeedsABeamOverride()
    {
        // Header only (NAXIS = 1): parse it as the 2048² image its CRPIX implies.
        var header = TestHeaders.Real("headers/lofar_aipspp_header.fits");
        var axes = new[] { 2048, 2048 };
        var error = Assert.Throws<ImageFormatException>(() => FitsImageParser.Parse(header, axes, "aipspp.fits"));
        Assert.Contains("restoring beam", error.Problem);

        var options = new ImageReadOptions { BeamOverride = new RestoringBeam(0.1, 0.1, 0.0) };
        var metadata = FitsImageParser.Parse(header, axes, "aipspp.fits", options);
        Assert.Equal("LOFAR20", metadata.Telescope); // first of the duplicate TELESCOP cards
        Assert.Equal("generic", metadata.Accessor);
        Assert.Equal(60_076_500.0, metadata.FrequencyHz);
        Assert.Equal(154_200.0, metadata.BandwidthHz);
        Assert.Equal(new DateTime(2007, 7, 20, 14, 18, 9, DateTimeKind.Utc).AddTicks(9_090_010), metadata.StartUtc);
        Assert.Equal(350.85, metadata.CentreRaDeg, 1e-7);
        Assert.Equal(58.815, metadata.CentreDecDeg, 1e-7);
        Assert.Equal(5.208333333333E-02, metadata.PixelSizeXDeg);
        Assert.Equal(options.BeamOverride, metadata.Beam);
    }

    [Fact]
    public void AipsPlusPlusHeaderIsNotAnImageFile()
    {
        // NAXIS = 1: the FITS reader finds no image; the error names the file.
        var path = RealData.PathOf("headers/lofar_aipspp_header.fits");
        Assert.Equal(path, Assert.Throws<ImageFormatException>(() => ImageReader.ReadMetadata(path)).File);
    }

    private static void AssertRelative(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= Math.Abs(expected) * relative,
            $"expected {expected:R}, got {actual:R} (relative tolerance {relative})");
}
