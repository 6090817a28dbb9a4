using Trap.Images.Accessors;

namespace Trap.Images.Tests;

public class TelescopeParserTests
{
    [Theory]
    [InlineData("LOFAR", true, "lofar")]
    [InlineData("LOFAR", false, "generic")] // WSClean LOFAR images have no ANTENNA card
    [InlineData("LOFAR20", true, "generic")] // TraP requires TELESCOP exactly 'LOFAR'
    [InlineData("AARTFAAC", false, "aartfaac")]
    [InlineData("AMI-LA", false, "ami-la")]
    [InlineData("KAT-7", false, "kat7")]
    [InlineData("MeerKAT", false, "meerkat")]
    [InlineData("MEERKAT", false, "meerkat")]
    [InlineData("ASKAP", false, "generic")]
    [InlineData("", false, "generic")]
    public void ParserIsChosenByTelescopeAndAntenna(string telescope, bool antenna, string expected)
    {
        var header = antenna
            ? TestHeaders.Build(("TELESCOP", telescope), ("ANTENNA", "HBA_DUAL"))
            : TestHeaders.Build(("TELESCOP", telescope));
        Assert.Equal(expected, TelescopeParsers.For(header).Name);
    }

    [Fact]
    public void LofarCardsBecomeLofarFields()
    {
        var header = LofarHeader();
        var metadata = new LofarParser().Refine(Placeholder(), header);
        Assert.Equal(new LofarFields("HBA_DUAL_INNER", 23, 8, 2, 20, 195_312.5, 64), metadata.Lofar);
    }

    [Fact]
    public void LofarWithoutChannelsLeavesThemUnknown()
    {
        var header = TestHeaders.Without(LofarHeader(), "CHANNELS");
        Assert.Null(new LofarParser().Refine(Placeholder(), header).Lofar!.Channels);
    }

    [Fact]
    public void LofarMissingStationCountIsAClearError()
    {
        var header = TestHeaders.Without(LofarHeader(), "NREMOTE");
        var error = Assert.Throws<ImageFormatException>(() => new LofarParser().Refine(Placeholder(), header));
        Assert.Contains("NREMOTE", error.Message);
        Assert.Equal("placeholder.fits", error.File);
    }

    [Fact]
    public void AartfaacPlaceholderBeamIsFlagged()
    {
        var metadata = Placeholder() with { Beam = new RestoringBeam(1.0, 1.0, 0.0) };
        var refined = new AartfaacParser().Refine(metadata, TestHeaders.Build());
        Assert.Contains(refined.Warnings, w => w.Contains("placeholder"));
        Assert.Empty(new AartfaacParser().Refine(Placeholder(), TestHeaders.Build()).Warnings);
    }

    internal static Trap.Formats.Fits.FitsHeader LofarHeader() => TestHeaders.Build(
        ("TELESCOP", "LOFAR"), ("ANTENNA", "HBA_DUAL_INNER"), ("NCORE", 23), ("NREMOTE", 8), ("NINTL", 2),
        ("SUBBANDS", 20), ("SUBBANDW", 195_312.5), ("CHANNELS", 64), ("TAU_TIME", 600.0));

    /// <summary>Metadata whose values do not matter to the parser under test (the WCS is never used).</summary>
    private static ImageMetadata Placeholder() => new()
    {
        Url = "placeholder.fits", Telescope = "", Accessor = "generic", Width = 1, Height = 1,
        Wcs = null!, PixelSizeXDeg = 1, PixelSizeYDeg = 1, FrequencyHz = 1, BandwidthHz = 1,
        Beam = new RestoringBeam(0.1, 0.1, 0), StartUtc = DateTime.UnixEpoch, IntegrationSeconds = 0,
        CentreRaDeg = 0, CentreDecDeg = 0,
    };
}
