using Trap.Formats.Fits;

namespace Trap.Formats.Tests.Fits;

public sealed class FitsRowReaderTests
{
    /// <summary>A 3-plane cube of 7×5 with distinct values, scaled 16-bit data and a BLANK, written plain or gzipped.</summary>
    private static (string Path, float[] Values) Cube(TempFolder folder, string name)
    {
        var values = Enumerable.Range(0, 7 * 5 * 3).Select(i => i % 11 == 3 ? float.NaN : i * 0.5f - 20).ToArray();
        var header = new FitsHeader([FitsCard.OfReal("BSCALE", 0.5), FitsCard.OfReal("BZERO", -20), FitsCard.OfInteger("BLANK", -32768)]);
        var path = folder.File(name);
        FitsWriter.Write(path, header, values, [7, 5, 3], 16);
        return (path, values);
    }

    [Theory]
    [InlineData("cube.fits")]
    [InlineData("cube.fits.gz")]
    public void ChosenRowsOfAPlaneEqualTheWholePlanesRows(string name)
    {
        using var folder = new TempFolder();
        var (path, values) = Cube(folder, name);
        using var reader = FitsFile.OpenRows(path, plane: 2);
        Assert.Equal(7, reader.Hdu.Width);

        var rows = new float[2 * 7];
        reader.ReadRows(1, rows);
        Assert.Equal(values.AsSpan(2 * 35 + 7, 14).ToArray(), rows);
        // Later rows after a gap (a gzip file reads past the gap, a plain file seeks).
        var last = new float[7];
        reader.ReadRows(4, last);
        Assert.Equal(values.AsSpan(2 * 35 + 28, 7).ToArray(), last);
        Assert.Equal(FitsFile.ReadImagePlane(path, 2).Pixels.AsSpan(28, 7).ToArray(), last);
    }

    [Fact]
    public void APlainFileSeeksBackAGzipFileSaysRowsMustIncrease()
    {
        using var folder = new TempFolder();
        var (plain, values) = Cube(folder, "cube.fits");
        using (var reader = FitsFile.OpenRows(plain))
        {
            var row = new float[7];
            reader.ReadRows(3, row);
            reader.ReadRows(0, row);
            Assert.Equal(values.AsSpan(0, 7).ToArray(), row);
        }
        var (gzip, _) = Cube(folder, "cube.fits.gz");
        using (var reader = FitsFile.OpenRows(gzip))
        {
            var row = new float[7];
            reader.ReadRows(3, row);
            Assert.Contains("increasing order", Assert.Throws<InvalidOperationException>(() => reader.ReadRows(0, row)).Message);
        }
    }

    [Fact]
    public void RowsOutsideTheImageOrPartRowsAreRefused()
    {
        using var folder = new TempFolder();
        var (path, _) = Cube(folder, "cube.fits");
        using var reader = FitsFile.OpenRows(path);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadRows(4, new float[14]));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadRows(-1, new float[7]));
        Assert.Throws<ArgumentException>(() => reader.ReadRows(0, new float[6]));
        Assert.Throws<ArgumentOutOfRangeException>(() => FitsFile.OpenRows(path, plane: 3));
    }
}
