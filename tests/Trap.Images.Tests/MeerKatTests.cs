using Trap.Formats.Fits;
using Trap.Images.Accessors;

namespace Trap.Images.Tests;

/// <summary>No real MeerKAT image exists here: a synthetic WSClean-style MeerKAT header stands in.</summary>
public class MeerKatTests
{
    private static FitsHeader MeerKatHeader() => TestHeaders.Build(
        ("NAXIS", 4), ("NAXIS1", 64), ("NAXIS2", 64), ("NAXIS3", 1), ("NAXIS4", 1),
        ("BUNIT", "JY/BEAM"), ("BMAJ", 2.0e-3), ("BMIN", 1.5e-3), ("BPA", -12.5),
        ("TELESCOP", "MeerKAT"), ("ORIGIN", "WSClean"),
        ("CTYPE1", "RA---SIN"), ("CRPIX1", 33.0), ("CRVAL1", 201.365), ("CDELT1", -4.1666666666667e-4), ("CUNIT1", "deg"),
        ("CTYPE2", "DEC--SIN"), ("CRPIX2", 33.0), ("CRVAL2", -43.019), ("CDELT2", 4.1666666666667e-4), ("CUNIT2", "deg"),
        ("CTYPE3", "FREQ"), ("CRPIX3", 1.0), ("CRVAL3", 1.2840e9), ("CDELT3", 8.56e8), ("CUNIT3", "Hz"),
        ("CTYPE4", "STOKES"), ("CRPIX4", 1.0), ("CRVAL4", 1.0), ("CDELT4", 1.0),
        ("DATE-OBS", "2019-08-12T17:44:03.2"), ("TIMESYS", "UTC"));

    [Fact]
    public void MeerKatHeaderTakesTheMeerKatAccessor()
    {
        var metadata = FitsImageParser.Parse(MeerKatHeader(), new[] { 64, 64, 1, 1 }, "meerkat.fits");
        Assert.Equal("meerkat", metadata.Accessor);
        Assert.Equal("MeerKAT", metadata.Telescope);
        Assert.Equal(1.284e9, metadata.FrequencyHz);
        Assert.Equal(8.56e8, metadata.BandwidthHz);
        Assert.Equal(new RestoringBeam(2.0e-3, 1.5e-3, -12.5), metadata.Beam);
        Assert.Equal(new DateTime(2019, 8, 12, 17, 44, 3, 200, DateTimeKind.Utc), metadata.StartUtc);
        // CRPIX 33 is array index 32 = 64/2: the centre is the reference point.
        Assert.Equal(201.365, metadata.CentreRaDeg, 1e-9);
        Assert.Equal(-43.019, metadata.CentreDecDeg, 1e-9);
        Assert.Equal("WSClean", metadata.Extra["ORIGIN"]);
        Assert.Empty(metadata.Warnings);
    }

    [Fact]
    public void MeerKatFileIsReadWithItsPixels()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trap-meerkat-{Guid.NewGuid():N}.fits");
        var pixels = Enumerable.Range(0, 64 * 64).Select(i => (float)(i % 97) * 1e-4f).ToArray();
        try
        {
            FitsWriter.Write(path, MeerKatHeader(), pixels, new[] { 64, 64, 1, 1 });
            var image = ImageReader.Read(path);
            Assert.Equal("meerkat", image.Metadata.Accessor);
            Assert.Equal(pixels, image.Pixels);
            Assert.Equal(pixels[5 * 64 + 7], image[7, 5]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CubeKeepsPlaneZeroWithAWarning()
    {
        var metadata = FitsImageParser.Parse(MeerKatHeader(), new[] { 64, 64, 8, 1 }, "meerkat-cube.fits");
        Assert.Contains(metadata.Warnings, w => w.Contains("plane 0"));
    }
}
