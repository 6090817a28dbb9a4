using System.IO.Compression;
using Trap.Formats.Fits;
using static Trap.Formats.Tests.Fits.RawFits;

namespace Trap.Formats.Tests.Fits;

/// <summary>The reader on hand-built files: every BITPIX with BSCALE/BZERO/BLANK, the HDU walk,
/// cubes, gzip, and every kind of input it must refuse.</summary>
public sealed class FitsReaderTests
{
    private static (FitsImageHdu Hdu, float[] Pixels) Read(byte[] bytes) => FitsFile.ReadImage(new MemoryStream(bytes), "test.fits");

    private static FitsFormatException Refused(byte[] bytes) =>
        Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(new MemoryStream(bytes), "test.fits"));

    [Fact]
    public void Bitpix8AppliesTheSignedByteOffsetAndBlank()
    {
        var file = Hdu(Primary(8, [4, 1], Card("BZERO", "-128"), Card("BLANK", "255")), [0, 128, 200, 255]);
        Assert.Equal([-128f, 0f, 72f, float.NaN], Read(file).Pixels);
    }

    [Fact]
    public void Bitpix16AppliesBscaleBzeroAndBlank()
    {
        var data = BigEndian(new short[] { -32768, 0, 32767, -1 }, BitConverter.GetBytes);
        var file = Hdu(Primary(16, [2, 2], Card("BSCALE", "0.5D0"), Card("BZERO", "32768"), Card("BLANK", "-1")), data);
        Assert.Equal([16384f, 32768f, 49151.5f, float.NaN], Read(file).Pixels);
    }

    [Fact]
    public void Bitpix32UnsignedConventionAndBlank()
    {
        var data = BigEndian(new[] { int.MinValue, 7, -7, 12345 }, BitConverter.GetBytes);
        var file = Hdu(Primary(32, [4, 1], Card("BZERO", "2147483648"), Card("BLANK", "12345")), data);
        Assert.Equal([0f, (float)(2147483648.0 + 7), (float)(2147483648.0 - 7), float.NaN], Read(file).Pixels);
    }

    [Fact]
    public void Bitpix64ReadsExactBlankAndUnsignedOffset()
    {
        var data = BigEndian(new[] { long.MinValue, 1L, 42L, long.MaxValue }, BitConverter.GetBytes);
        var file = Hdu(Primary(64, [2, 2], Card("BZERO", "9223372036854775808"), Card("BLANK", "9223372036854775807")), data);
        Assert.Equal([0f, (float)9.223372036854775808E18, (float)9.223372036854775808E18, float.NaN], Read(file).Pixels);
    }

    [Fact]
    public void BitpixMinus64IsScaledAndKeepsNaN()
    {
        var data = BigEndian(new[] { 1.5, -2.25, double.NaN, 1e10 }, BitConverter.GetBytes);
        var file = Hdu(Primary(-64, [2, 2], Card("BSCALE", "2.0")), data);
        Assert.Equal([3f, -4.5f, float.NaN, 2e10f], Read(file).Pixels);
    }

    [Fact]
    public void BitpixMinus32KeepsEveryNaNPatternAndIgnoresBlank()
    {
        var nanPatterns = new[] { 0x7FC00000, unchecked((int)0xFFFFFFFF), 0x7F800001 };
        var values = Enumerable.Range(0, 37).Select(i => (float)i).ToArray();
        var bits = values.Select(BitConverter.SingleToInt32Bits).ToArray();
        nanPatterns.CopyTo(bits, 30);
        var file = Hdu(Primary(-32, [37, 1], Card("BLANK", "5")), BigEndian(bits, BitConverter.GetBytes));
        var pixels = Read(file).Pixels;
        Assert.Equal(values[..30], pixels[..30]);
        Assert.All(pixels[30..33], v => Assert.True(float.IsNaN(v)));
        Assert.Equal(values[33..], pixels[33..]);
    }

    [Fact]
    public void BitpixMinus32ScalingCoversTheVectorBodyAndTheTail()
    {
        var stored = Enumerable.Range(0, 37).Select(i => i * 0.25f).ToArray();
        var file = Hdu(Primary(-32, [37, 1], Card("BSCALE", "2.0"), Card("BZERO", "1.0")), Floats(stored));
        Assert.Equal(stored.Select(v => 1f + 2f * v), Read(file).Pixels);
    }

    [Fact]
    public void AnEmptyPrimaryAndABinaryTableAreSkippedToTheImageExtension()
    {
        var table = Hdu(Extension("BINTABLE", 8, [8, 3], 5, Card("TFIELDS", "1")), new byte[8 * 3 + 5]);
        var image = Hdu(Extension("IMAGE", -32, [2, 2], 0, Card("EXTNAME", "'SKY'")), Floats(1, 2, 3, 4));
        var file = Concat(Hdu(Primary(16, [], Card("EXTEND", "T"))), table, image);
        var (hdu, pixels) = Read(file);
        Assert.Equal(2, hdu.HduIndex);
        Assert.Equal(2880L * 4, hdu.DataOffset);
        Assert.Equal("SKY", hdu.Header.GetString("EXTNAME"));
        Assert.Equal([1f, 2f, 3f, 4f], pixels);
    }

    [Fact]
    public void TheImageIsFoundThroughGzipWithoutSeeking()
    {
        var table = Hdu(Extension("TABLE", 8, [10, 2], 0), new byte[20]);
        var image = Hdu(Extension("IMAGE", 16, [3, 1], 0), BigEndian(new short[] { 1, -2, 3 }, BitConverter.GetBytes));
        var file = Concat(Hdu(Primary(8, [])), table, image);
        using var folder = new TempFolder();
        var path = folder.File("extensions.fits.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gzip.Write(file);

        var (hdu, pixels) = FitsFile.ReadImage(path);
        Assert.Equal(2, hdu.HduIndex);
        Assert.Equal([1f, -2f, 3f], pixels);
    }

    [Fact]
    public void GzipIsRecognisedByItsMagicBytesNotItsName()
    {
        var plain = Hdu(Primary(-32, [2, 1]), Floats(7, 8));
        using var folder = new TempFolder();
        var path = folder.File("no-gz-suffix.fits");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gzip.Write(plain);
        Assert.Equal([7f, 8f], FitsFile.ReadImage(path).Pixels);

        var compressed = File.ReadAllBytes(path);
        Assert.Equal([7f, 8f], FitsFile.ReadImage(new MemoryStream(compressed), "memory").Pixels);
    }

    [Fact]
    public void ANonSeekableGzipStreamIsReportedAsGzip()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Hdu(Primary(-32, [1, 1]), Floats(1)));
        var error = Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(new ForwardOnlyStream(compressed.ToArray()), "pipe"));
        Assert.Contains("gzip", error.Problem);
        Assert.Contains("GZipStream", error.Remedy);
        var decompressing = new GZipStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
        Assert.Equal([1f], FitsFile.ReadImage(decompressing, "pipe").Pixels);
    }

    [Fact]
    public void ACubeYieldsPlaneZeroByDefaultAndAnyPlaneOnRequest()
    {
        var values = Enumerable.Range(0, 3 * 2 * 2 * 2).Select(i => (float)i).ToArray();
        var file = Hdu(Primary(-32, [3, 2, 2, 2], Card("CTYPE1", "'RA---SIN'"), Card("CTYPE2", "'DEC--SIN'"), Card("CTYPE3", "'FREQ'")), Floats(values));
        var (hdu, plane0) = Read(file);
        Assert.True(hdu.IsCube);
        Assert.Equal(4, hdu.PlaneCount);
        Assert.Contains(hdu.Warnings, w => w.Contains("4 planes") && w.Contains("FREQ"));
        Assert.Equal(values[..6], plane0);
        // plane p = k + NAXIS3 × l: (k, l) = (1, 1) is plane 3, values 18..23.
        Assert.Equal(values[18..24], FitsFile.ReadImagePlane(new MemoryStream(file), "cube", 3).Pixels);
        Assert.Equal(values[18..24], FitsFile.ReadImagePlane(new ForwardOnlyStream(file), "cube", 3).Pixels);
        Assert.Throws<ArgumentOutOfRangeException>(() => FitsFile.ReadImagePlane(new MemoryStream(file), "cube", 4));
    }

    [Fact]
    public void DegenerateAxesUpToFiveAreNotACube()
    {
        var (hdu, pixels) = Read(Hdu(Primary(-32, [2, 1, 1, 1, 1]), Floats(5, 6)));
        Assert.False(hdu.IsCube);
        Assert.Empty(hdu.Warnings);
        Assert.Equal([5f, 6f], pixels);
    }

    [Fact]
    public void NonCelestialFirstAxesAreWarnedAbout()
    {
        var hdu = Read(Hdu(Primary(-32, [2, 1], Card("CTYPE1", "'FREQ'"), Card("CTYPE2", "'DEC--SIN'")), Floats(5, 6))).Hdu;
        Assert.Contains(hdu.Warnings, w => w.Contains("not celestial"));
    }

    [Fact]
    public void RandomGroupsAreRefused()
    {
        var file = Hdu(Primary(-32, [0, 3, 4], Card("GROUPS", "T"), Card("PCOUNT", "2"), Card("GCOUNT", "1")), Floats(new float[14]));
        var error = Refused(file);
        Assert.Contains("random groups", error.Problem);
        Assert.Contains("WSClean", error.Remedy);
    }

    [Fact]
    public void ATileCompressedImageIsRefusedWithFunpack()
    {
        var table = Hdu(Extension("BINTABLE", 8, [8, 1], 0, Card("ZIMAGE", "T"), Card("ZCMPTYPE", "'RICE_1'")), new byte[8]);
        var error = Refused(Concat(Hdu(Primary(16, [])), table));
        Assert.Contains("tile-compressed", error.Problem);
        Assert.Contains("RICE_1", error.Problem);
        Assert.Contains("funpack", error.Remedy);
    }

    [Fact]
    public void AFileWithoutAnImageSaysWhatItHolds()
    {
        var table = Hdu(Extension("BINTABLE", 8, [4, 2], 0), new byte[8]);
        var error = Refused(Concat(Hdu(Primary(64, [1]), new byte[8]), table));
        Assert.Contains("no image", error.Problem);
        Assert.Contains("HDU 0 (PRIMARY, BITPIX 64, NAXIS = 1, 1)", error.Problem);
        Assert.Contains("HDU 1 (BINTABLE", error.Problem);
    }

    [Fact]
    public void NotAFitsFileIsRefused()
    {
        var error = Refused(System.Text.Encoding.ASCII.GetBytes("just some text, not an image"));
        Assert.Contains("not a FITS file", error.Problem);
        Assert.Contains("test.fits", error.Message);
    }

    [Fact]
    public void AnEmptyFileAndAFolderAreRefused()
    {
        using var folder = new TempFolder();
        var empty = folder.File("empty.fits");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty", Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(empty)).Problem);
        Assert.Contains("directory", Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(folder.Path)).Problem);
    }

    [Fact]
    public void AHeaderWhoseDataAreMissingReadsAsAHeaderButNotAsAnImage()
    {
        var file = Hdu(Primary(-32, [2049, 2049], Card("CTYPE1", "'RA---SIN'")));
        var hdu = FitsFile.ReadImageHeader(new MemoryStream(file), "header-only");
        Assert.Equal([2049, 2049], hdu.Axes);
        Assert.Equal(2880, hdu.DataOffset);
        var error = Refused(file);
        Assert.Contains($"{2049L * 2049 * 4:N0} bytes are missing", error.Problem);
        var forwardOnly = Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(new ForwardOnlyStream(file), "pipe"));
        Assert.Equal(error.Problem, forwardOnly.Problem);
    }

    [Fact]
    public void DataCutShortInsideACubeCountTheWholeMissingRest()
    {
        var file = Hdu(Primary(16, [2, 2, 3]), new byte[2 * 2 * 3 * 2 - 5], padData: false);
        // A seekable file is checked whole; a forward-only stream only as far as the plane asked for.
        var seekable = Refused(file);
        Assert.Equal(4, FitsFile.ReadImagePlane(new ForwardOnlyStream(file), "pipe", 0).Pixels.Length);
        var forwardOnly = Assert.Throws<FitsFormatException>(() => FitsFile.ReadImagePlane(new ForwardOnlyStream(file), "pipe", 2));
        Assert.Contains("5 bytes are missing", seekable.Problem);
        Assert.Contains("5 bytes are missing", forwardOnly.Problem);
    }

    [Fact]
    public void ASkippedHduWithMissingDataIsATruncatedFile()
    {
        var table = Hdu(Extension("BINTABLE", 8, [100, 10], 0), new byte[400], padData: false);
        var error = Refused(Concat(Hdu(Primary(8, [])), table));
        Assert.Contains("HDU 1", error.Problem);
        Assert.Contains("600 bytes are missing", error.Problem);
    }

    [Fact]
    public void MissingPaddingAfterTheLastDataIsTolerated()
    {
        var file = Hdu(Primary(-32, [3, 1]), Floats(1, 2, 3), padData: false);
        Assert.Equal(2880 + 12, file.Length);
        Assert.Equal([1f, 2f, 3f], Read(file).Pixels);
    }

    [Fact]
    public void TheCallersStreamIsLeftOpen()
    {
        var stream = new MemoryStream(Hdu(Primary(-32, [1, 1]), Floats(9)));
        FitsFile.ReadImage(stream, "memory");
        Assert.True(stream.CanRead);
    }
}
