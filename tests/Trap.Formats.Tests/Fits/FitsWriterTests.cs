using System.Text;
using Trap.Formats.Fits;
using Trap.TestSupport;

namespace Trap.Formats.Tests.Fits;

/// <summary>Files written by FitsWriter read back to the same pixels and header.</summary>
public sealed class FitsWriterTests
{
    private static (FitsImageHdu Hdu, float[] Pixels) RoundTrip(FitsHeader header, float[] pixels, int[] axes, int bitpix)
    {
        var stream = new MemoryStream();
        FitsWriter.Write(stream, header, pixels, axes, bitpix);
        Assert.Equal(0, stream.Length % 2880);
        stream.Position = 0;
        return FitsFile.ReadImage(stream, "written.fits");
    }

    [Theory]
    [InlineData(8, 1.0, -128.0, 255L)]
    [InlineData(16, 0.5, 32768.0, -32768L)]
    [InlineData(32, 0.25, 2147483648.0, 2147483647L)]
    [InlineData(64, 2.0, 0.0, long.MinValue)]
    public void IntegerBitpixRoundTripsWithScalingAndBlank(int bitpix, double bscale, double bzero, long blank)
    {
        var header = new FitsHeader([FitsCard.OfReal("BSCALE", bscale), FitsCard.OfReal("BZERO", bzero), FitsCard.OfInteger("BLANK", blank)]);
        // Values on the BSCALE grid, inside every type's range after scaling.
        var pixels = new[] { (float)bzero, (float)(bzero + 10 * bscale), float.NaN, (float)(bzero + 100 * bscale), (float)(bzero + 3 * bscale), float.NaN };
        var (hdu, read) = RoundTrip(header, pixels, [3, 2], bitpix);
        Assert.Equal(bitpix, hdu.BitPix);
        Assert.Equal(pixels, read);
        Assert.Equal(blank, hdu.Header.GetLong("BLANK"));
    }

    [Theory]
    [InlineData(-32)]
    [InlineData(-64)]
    public void FloatBitpixRoundTripsNaNAndExtremes(int bitpix)
    {
        var pixels = new[] { 0f, -0f, float.NaN, float.MaxValue, float.Epsilon, -1.5e-30f, 3.14159f, float.PositiveInfinity };
        Assert.Equal(pixels, RoundTrip(new FitsHeader(), pixels, [4, 2], bitpix).Pixels);
    }

    [Fact]
    public void FloatDataHonourBscaleAndBzeroAndDropBlank()
    {
        var header = new FitsHeader([FitsCard.OfReal("BSCALE", 2.0), FitsCard.OfReal("BZERO", 1.0), FitsCard.OfInteger("BLANK", -1)]);
        var pixels = new[] { 1f, 3f, 5f, -7f };
        var (hdu, read) = RoundTrip(header, pixels, [2, 2], -32);
        Assert.Equal(pixels, read);
        Assert.False(hdu.Header.Contains("BLANK"));
    }

    [Fact]
    public void StructuralCardsAreGeneratedFirstAndTheHeadersOwnAreIgnored()
    {
        var header = new FitsHeader(
        [
            FitsCard.OfLogical("SIMPLE", false), FitsCard.OfInteger("BITPIX", 16), FitsCard.OfInteger("NAXIS", 7),
            FitsCard.OfInteger("NAXIS1", 99), FitsCard.OfString("CHECKSUM", "stale"), FitsCard.OfString("CTYPE1", "RA---SIN"),
        ]);
        var stream = new MemoryStream();
        FitsWriter.Write(stream, header, new float[6], [3, 2, 1]);
        var text = Encoding.ASCII.GetString(stream.ToArray(), 0, 2880);
        var cards = Enumerable.Range(0, 36).Select(i => text.Substring(i * 80, 80)).ToList();
        Assert.Equal(["SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "NAXIS3", "CTYPE1", "END"], cards.Take(8).Select(c => c[..8].Trim()));
        Assert.All(cards.Skip(8), c => Assert.Equal(new string(' ', 80), c));
        stream.Position = 0;
        var hdu = FitsFile.ReadImageHeader(stream, "written");
        Assert.Equal(-32, hdu.BitPix);
        Assert.Equal([3, 2, 1], hdu.Axes);
        Assert.False(hdu.Header.Contains("CHECKSUM"));
    }

    [Fact]
    public void EveryKindOfCardSurvivesInOrder()
    {
        var longText = "A long ORIGIN with 'quotes' that does not fit on one card, " + new string('z', 120) + " and ends here";
        var header = new FitsHeader(
        [
            FitsCard.OfString("OBJECT", "O'Hara field", "target"),
            FitsCard.Commentary("HISTORY", "first"),
            FitsCard.OfString("ORIGIN", longText),
            FitsCard.OfReal("CRVAL3", 143650817.871094, "Hz"),
            FitsCard.Commentary("HISTORY", "second"),
            FitsCard.OfInteger("WCSAXES", 4),
            FitsCard.OfLogical("FLAG", false),
            FitsCard.Commentary("COMMENT", "a comment"),
            new FitsCard("DATAMIN", FitsValueKind.Undefined, null, double.NaN, false, null),
            FitsCard.Commentary("HISTORY", "third"),
            FitsCard.OfString("TELESCOP", "LOFAR"),
            FitsCard.OfString("TELESCOP", "duplicate stays second"),
        ]);
        var read = RoundTrip(header, [1f], [1, 1], -32).Hdu.Header;
        // The reader's header starts with the generated SIMPLE, BITPIX, NAXIS, NAXIS1, NAXIS2.
        Assert.Equal(header.Cards.Select(c => (c.Keyword, c.Kind)), read.Cards.Skip(5).Select(c => (c.Keyword, c.Kind)));
        Assert.Equal("O'Hara field", read.GetString("OBJECT"));
        Assert.Equal("target", read.Find("OBJECT")!.Comment);
        Assert.Equal(longText, read.GetString("ORIGIN"));
        Assert.Equal(143650817.871094, read.GetDouble("CRVAL3"));
        Assert.Equal(["first", "second", "third"], read.History);
        Assert.False(read.GetBool("FLAG"));
        Assert.Equal("LOFAR", read.GetString("TELESCOP"));
    }

    [Fact]
    public void IntegerDataRefuseNaNWithoutBlankAndValuesOutOfRange()
    {
        var noBlank = Assert.Throws<ArgumentException>(() => FitsWriter.Write(new MemoryStream(), new FitsHeader(), [1f, float.NaN], [2, 1], 16));
        Assert.Contains("Pixel 1 is NaN", noBlank.Message);
        var tooBig = Assert.Throws<ArgumentOutOfRangeException>(() => FitsWriter.Write(new MemoryStream(), new FitsHeader(), [40000f], [1, 1], 16));
        Assert.Contains("Pixel 0", tooBig.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FitsWriter.Write(new MemoryStream(), new FitsHeader(), [9.3e18f], [1, 1], 64));
        var blankOutOfRange = new FitsHeader([FitsCard.OfInteger("BLANK", 1000)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => FitsWriter.Write(new MemoryStream(), blankOutOfRange, [float.NaN], [1, 1], 8));
    }

    [Fact]
    public void TheAxesMustDescribeThePixels()
    {
        Assert.Throws<ArgumentException>(() => FitsWriter.Write(new MemoryStream(), new FitsHeader(), new float[5], [2, 2]));
        Assert.Throws<ArgumentException>(() => FitsWriter.Write(new MemoryStream(), new FitsHeader(), [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => FitsWriter.Write(new MemoryStream(), new FitsHeader(), [1f], [1, 1], 24));
    }

    [Fact]
    public void AGzPathIsGzippedAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("image.fits.gz");
        var pixels = Enumerable.Range(0, 64 * 32).Select(i => i % 7 == 0 ? float.NaN : i * 0.5f).ToArray();
        FitsWriter.Write(path, new FitsHeader([FitsCard.OfString("BUNIT", "Jy/beam")]), pixels, [64, 32]);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x1F, 0x8B], bytes[..2]);
        var (hdu, read) = FitsFile.ReadImage(path);
        Assert.Equal(pixels, read);
        Assert.Equal("Jy/beam", hdu.Header.GetString("BUNIT"));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void APlainPathIsOverwrittenWhole()
    {
        using var folder = new TempFolder();
        var path = folder.File("image.fits");
        FitsWriter.Write(path, new FitsHeader(), new float[100 * 100], [100, 100]);
        FitsWriter.Write(path, new FitsHeader(), [1f, 2f], [2, 1]);
        Assert.Equal(2 * 2880, new FileInfo(path).Length);
        Assert.Equal([1f, 2f], FitsFile.ReadImage(path).Pixels);
    }

    [Fact]
    public void TheRealWscleanCutoutSurvivesARewrite()
    {
        var source = RealData.PathOf("lofar-wsclean/GRB201006A_final_2min_srcs-t0002-image-pb_cutout.fits");
        var (original, pixels) = FitsFile.ReadImage(source);
        using var folder = new TempFolder();
        var path = folder.File("rewritten.fits");
        FitsWriter.Write(path, original.Header, pixels, original.Axes, original.BitPix);
        var (copy, copied) = FitsFile.ReadImage(path);
        Assert.Equal(pixels, copied);
        Assert.Equal(original.Header.Cards.Count, copy.Header.Cards.Count);
        foreach (var (before, after) in original.Header.Cards.Zip(copy.Header.Cards))
        {
            Assert.Equal(before.Keyword, after.Keyword);
            Assert.Equal(before.Kind, after.Kind);
            if (before.IsNumber) Assert.Equal(before.Number, after.Number);
            else if (before.Kind == FitsValueKind.Logical) Assert.Equal(before.Logical, after.Logical);
            else Assert.Equal(before.Text, after.Text);
        }
    }
}
