using Trap.Formats.Fits;
using Trap.TestSupport;

namespace Trap.Formats.Tests.Fits;

/// <summary>Every FITS file in shared/data/realdata, read and compared with astropy's plane-0 values
/// in wcs-reference.json; files that must be refused are refused with a message that helps.</summary>
public sealed class RealDataReadTests
{
    private const string Cutout = "lofar-wsclean/GRB201006A_final_2min_srcs-t0002-image-pb_cutout.fits";

    /// <summary>Compressed copies made from a reference file, checked against the original's values.</summary>
    private static readonly Dictionary<string, string> CompressedCopies = new()
    {
        ["derived/GRB201006A_cutout.fits.gz"] = Cutout,
    };

    public static TheoryData<string> FitsFiles() => new(FitsFileList());

    private static List<string> FitsFileList()
    {
        var data = new List<string>();
        foreach (var path in Directory.EnumerateFiles(RealData.Directory, "*", SearchOption.AllDirectories).Order())
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(".fits") || name.EndsWith(".fits.gz") || name.EndsWith(".fits.fz") || name.EndsWith(".hdr"))
            {
                data.Add(Path.GetRelativePath(RealData.Directory, path).Replace('\\', '/'));
            }
        }
        return data;
    }

    [Fact]
    public void TheRealDataFolderHoldsTheExpectedFitsFiles()
    {
        var files = FitsFileList();
        Assert.Equal(19, files.Count);
        Assert.Contains("derived/aartfaac_casacore_header.hdr", files);
        Assert.Contains("headers/obit_missing_metadata.fits", files);
    }

    [Theory]
    [MemberData(nameof(FitsFiles))]
    public void EveryFitsFileIsReadAsTheReferenceSays(string relative)
    {
        var path = RealData.PathOf(relative);
        if (relative.EndsWith(".fz"))
        {
            var error = Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(path));
            Assert.Contains("tile-compressed", error.Message);
            Assert.Contains("funpack", error.Remedy);
            Assert.Contains(path, error.Message);
            return;
        }

        var reference = PlaneReference.ByFile.GetValueOrDefault(CompressedCopies.GetValueOrDefault(relative, relative))
            ?? throw new Xunit.Sdk.XunitException($"{relative} has no entry in wcs-reference.json; add one or a rule here.");
        if (reference.Statistics is not null)
        {
            CheckPlaneZero(path, reference);
        }
        else if (reference.Naxis.Length < 2)
        {
            CheckHasNoImage(path, reference);
        }
        else
        {
            CheckHeaderOnly(path, reference);
        }
    }

    private static void CheckPlaneZero(string path, PlaneReference reference)
    {
        var (hdu, pixels) = FitsFile.ReadImage(path);
        Assert.Equal(reference.Naxis, hdu.Axes);
        Assert.Equal(reference.BitPix, hdu.BitPix);
        Assert.Equal(hdu.PlaneLength, pixels.Length);

        var expected = reference.Statistics!;
        var (actual, argMax) = PlaneStatistics.Of(pixels);
        Assert.Equal(expected.NanCount, actual.NanCount);
        AssertRelative(expected.Min, actual.Min, 1e-6);
        AssertRelative(expected.Max, actual.Max, 1e-6);
        AssertRelative(expected.Sum, actual.Sum, 1e-6);
        Assert.Equal(reference.MaxAt!.Value, (argMax % hdu.Width, argMax / hdu.Width));
        Assert.NotEmpty(reference.Samples);
        foreach (var (x, y, value) in reference.Samples)
        {
            var got = pixels[y * hdu.Width + x];
            if (double.IsNaN(value)) Assert.True(float.IsNaN(got), $"pixel ({x}, {y}) should be NaN, is {got}");
            else AssertRelative(value, got, 1e-6);
        }
    }

    private static void CheckHasNoImage(string path, PlaneReference reference)
    {
        var error = Assert.Throws<FitsFormatException>(() => FitsFile.ReadImageHeader(path));
        Assert.Contains("no image", error.Problem);
        Assert.Contains($"NAXIS = {reference.Naxis.Length}", error.Problem);
        var header = FitsFile.ReadPrimaryHeader(path);
        Assert.Equal(reference.BitPix, header.GetInt("BITPIX"));
        Assert.Equal(reference.Naxis.Length, header.GetInt("NAXIS"));
    }

    private static void CheckHeaderOnly(string path, PlaneReference reference)
    {
        var hdu = FitsFile.ReadImageHeader(path);
        Assert.Equal(reference.Naxis, hdu.Axes);
        var dataBytes = reference.Naxis.Aggregate(1L, (p, n) => p * n) * Math.Abs(reference.BitPix!.Value) / 8;
        var error = Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(path));
        Assert.Contains("truncated", error.Problem);
        Assert.Contains($"{dataBytes:N0} bytes are missing", error.Problem);
    }

    [Fact]
    public void TheAipsPlusPlusHeaderKeepsTheFirstOfDuplicateKeywords()
    {
        var header = FitsFile.ReadPrimaryHeader(RealData.PathOf("headers/lofar_aipspp_header.fits"));
        Assert.Equal(2, header.Cards.Count(c => c.Keyword == "OBJECT"));
        Assert.Equal("CygA", header.GetString("OBJECT"));
        Assert.Equal(64, header.GetInt("BITPIX"));
        Assert.Equal("FREQ-OBS", header.GetString("CTYPE4"));
        Assert.Equal(60076500.0, header.GetDouble("CRVAL4"));
    }

    [Fact]
    public void TheWscleanCutoutKeepsWcsKeywordsBeyondNaxis()
    {
        var hdu = FitsFile.ReadImageHeader(RealData.PathOf(Cutout));
        Assert.Equal([256, 256], hdu.Axes);
        Assert.Equal(4, hdu.Header.GetInt("WCSAXES"));
        Assert.Equal("FREQ", hdu.Header.GetString("CTYPE3"));
        Assert.Equal(143650817.871094, hdu.Header.GetDouble("CRVAL3"));
        Assert.Equal(-19.0, hdu.Header.GetDouble("CRPIX1"));
        Assert.False(hdu.IsCube);
        Assert.Empty(hdu.Warnings);
    }

    [Fact]
    public void TheGzipCopyGivesTheSamePixelsAndHeaderAsThePlainFile()
    {
        var (plainHdu, plain) = FitsFile.ReadImage(RealData.PathOf(Cutout));
        var (gzipHdu, gzip) = FitsFile.ReadImage(RealData.PathOf("derived/GRB201006A_cutout.fits.gz"));
        Assert.Equal(plain, gzip);
        Assert.Equal(plainHdu.DataOffset, gzipHdu.DataOffset);
        Assert.Equal(plainHdu.Header.Cards, gzipHdu.Header.Cards);
    }

    [Fact]
    public void TheObitImageTurnsBlankIntoNaNOnlyWhereStored()
    {
        var (hdu, pixels) = FitsFile.ReadImage(RealData.PathOf("headers/obit_missing_metadata.fits"));
        Assert.Equal(64, hdu.BitPix);
        Assert.Equal(-32765, hdu.Header.GetLong("BLANK"));
        Assert.Equal([1f, 2f, 3f, 1f, 2f, 3f], pixels);
    }

    [Fact]
    public void TheBitpixMinus64PsfCubeReadsPlaneZeroAndWarns()
    {
        var path = RealData.PathOf("aegean-wcs/1904-66_SIN_psf.fits");
        var (hdu, plane0) = FitsFile.ReadImage(path);
        Assert.True(hdu.IsCube);
        Assert.Equal(3, hdu.PlaneCount);
        Assert.Contains(hdu.Warnings, w => w.Contains("3 planes") && w.Contains("PSF"));
        var (_, plane2) = FitsFile.ReadImagePlane(path, 2);
        Assert.Equal(plane0.Length, plane2.Length);
        Assert.NotEqual(plane0, plane2);
    }

    [Fact]
    public void ATruncatedCopyIsRefusedWithTheMissingByteCountButItsHeaderReads()
    {
        var source = File.ReadAllBytes(RealData.PathOf(Cutout));
        var hdu = FitsFile.ReadImageHeader(RealData.PathOf(Cutout));
        var keep = (int)hdu.DataOffset + 1000;
        using var folder = new TempFolder();
        var path = folder.File("truncated.fits");
        File.WriteAllBytes(path, source[..keep]);

        Assert.Equal(hdu.Axes, FitsFile.ReadImageHeader(path).Axes);
        var error = Assert.Throws<FitsFormatException>(() => FitsFile.ReadImage(path));
        Assert.Equal(path, error.File);
        Assert.Contains($"{256 * 256 * 4 - 1000:N0} bytes are missing", error.Problem);
        Assert.Contains("download", error.Remedy);
    }

    private static void AssertRelative(double expected, double actual, double tolerance)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-30);
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale, $"expected {expected:R}, got {actual:R}");
    }
}
