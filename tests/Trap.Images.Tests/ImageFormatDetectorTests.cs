using Trap.Images.Accessors;
using Trap.TestSupport;

namespace Trap.Images.Tests;

public class ImageFormatDetectorTests
{
    [Theory]
    [InlineData("lofar-wsclean/psf.fits")]
    [InlineData("derived/GRB201006A_cutout.fits.gz")]
    [InlineData("derived/aartfaac_casacore_header.hdr")]
    public void FitsIsRecognisedByContent(string relative) =>
        Assert.Equal(ImageFormat.Fits, ImageFormatDetector.Detect(RealData.PathOf(relative)));

    [Theory]
    [InlineData("kat7/kat7.image")]
    [InlineData("ami-la/SWIFT_554620-130504.image")]
    [InlineData("lofar-casa/L55596_000TO009_skymodellsc_wmax6000_noise_mult10_cell40_npix512_wplanes215.img.restored.corr")]
    public void CasaImageFolderIsRecognised(string relative) =>
        Assert.Equal(ImageFormat.CasaImage, ImageFormatDetector.Detect(RealData.PathOf(relative)));

    [Theory]
    [InlineData("derived/GRB201006A_cutout_gzip1_lossless.fits.fz")]
    [InlineData("derived/GRB201006A_cutout_rice1_quantized.fits.fz")]
    public void TileCompressedFitsIsRefusedWithTheFunpackRemedy(string relative)
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageReader.ReadMetadata(RealData.PathOf(relative)));
        Assert.Contains("tile-compressed", error.Problem);
        Assert.Contains("funpack", error.Remedy);
    }

    [Fact]
    public void FolderThatIsNotACasaImageIsRefused()
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageFormatDetector.Detect(RealData.PathOf("ami-la")));
        Assert.Contains("not a CASA image", error.Problem);
    }

    [Fact]
    public void CasaSubtableIsNotAnImage()
    {
        // A LOFAR_* subtable is a casacore table, but not of type Image.
        var subtable = RealData.PathOf("lofar-casa/L55596_000TO009_skymodellsc_wmax6000_noise_mult10_cell40_npix512_wplanes215.img.restored.corr/LOFAR_ORIGIN");
        Assert.Throws<ImageFormatException>(() => ImageFormatDetector.Detect(subtable));
    }

    [Fact]
    public void OtherFilesAreRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trap-test-{Guid.NewGuid():N}.fits");
        File.WriteAllText(path, "this is not an image");
        try
        {
            var error = Assert.Throws<ImageFormatException>(() => ImageReader.ReadMetadata(path));
            Assert.Equal(path, error.File);
            Assert.Contains("not a FITS file", error.Problem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingPathIsAClearError() =>
        Assert.Contains("no such file", Assert.Throws<ImageFormatException>(() => ImageReader.ReadMetadata("/nonexistent/image.fits")).Problem);
}
