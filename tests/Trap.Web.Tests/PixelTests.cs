using BigGustave;
using Trap.Formats.Fits;
using Trap.Formats.Wcs;
using Trap.Web.Pixels;

namespace Trap.Web.Tests;

public sealed class PixelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-web-pixels-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A 100×80 SIN image at RA 150, Dec 30 with 10″ pixels: pixel (x, y) holds x + 1000 y, so every value says where it came from.</summary>
    private (string Path, ImageGeometry Geometry) Image(string name = "sky.fits")
    {
        var header = new FitsHeader();
        CelestialWcs.FromParameters(CelestialWcsParameters.Simple("SIN", 150, 30, 49, 39, -10 / 3600.0, 10 / 3600.0)).AddToHeader(header);
        var values = new float[100 * 80];
        for (var y = 0; y < 80; y++) for (var x = 0; x < 100; x++) values[y * 100 + x] = x + 1000 * y;
        var path = Path.Combine(_folder, name);
        FitsWriter.Write(path, header, values, [100, 80]);
        return (path, new ImageHeaders().Get(path));
    }

    [Fact]
    public void AStampIsTheSquareAroundThePositionsPixelWithNaNPastTheEdge()
    {
        var (path, geometry) = Image();
        Assert.True(geometry.Wcs.TryPixelToSky(10, 20, out var ra, out var dec));
        var stamp = Stamp.Cut(path, geometry, ra, dec, 8);
        Assert.Equal((6, 16), (stamp.X0, stamp.Y0));
        // The stamp's pixel (4, 4) is the image's (10, 20); row 0 is the bottom row, as in FITS.
        Assert.Equal(10 + 1000 * 20, stamp.Values[4 * 8 + 4]);
        Assert.Equal(6 + 1000 * 16, stamp.Values[0]);

        Assert.True(geometry.Wcs.TryPixelToSky(1, 78, out ra, out dec));
        var corner = Stamp.Cut(path, geometry, ra, dec, 8);
        Assert.Equal((-3, 74), (corner.X0, corner.Y0));
        Assert.True(float.IsNaN(corner.Values[0 * 8 + 2]), "left of the image");
        Assert.True(float.IsNaN(corner.Values[7 * 8 + 5]), "above the image");
        Assert.Equal(0 + 1000 * 74, corner.Values[0 * 8 + 3]);
    }

    [Fact]
    public void ACutoutFitsKeepsEveryPixelsSkyPosition()
    {
        var (path, geometry) = Image();
        Assert.True(geometry.Wcs.TryPixelToSky(40, 30, out var ra, out var dec));
        var stamp = Stamp.Cut(path, geometry, ra, dec, 16);
        var (hdu, pixels) = FitsFile.ReadImage(new MemoryStream(stamp.ToFits()), "cutout");
        Assert.Equal([16, 16], hdu.Axes);
        Assert.Equal(stamp.Values, pixels);
        var wcs = CelestialWcs.FromHeader(hdu.Header, "cutout");
        Assert.True(wcs.TrySkyToPixel(ra, dec, out var x, out var y));
        Assert.Equal(40 - stamp.X0, x, 6);
        Assert.Equal(30 - stamp.Y0, y, 6);
        Assert.Equal(40 + 1000 * 30, pixels[(int)Math.Round(y) * 16 + (int)Math.Round(x)]);
    }

    [Fact]
    public void APngIsGreyScaledFlippedNorthUpWithBlanksInBlue()
    {
        float[] values = [0, 10, float.NaN, 5];   // bottom row: 0, 10; top row: NaN, 5
        var png = Png.Open(GreyPng.Encode(values, 2, 2, new DisplayRange(0, 10)));
        Assert.Equal((2, 2), (png.Width, png.Height));
        Assert.Equal(0, png.GetPixel(0, 1).R);
        Assert.Equal(255, png.GetPixel(1, 1).R);
        Assert.Equal(128, png.GetPixel(1, 0).R);
        var blank = png.GetPixel(0, 0);
        Assert.True(blank.B > blank.R, "a blank pixel is not drawn as sky");
    }

    [Fact]
    public void PercentileRangeIgnoresBlanksAndSurvivesFlatImages()
    {
        var values = Enumerable.Range(0, 1001).Select(i => (float)i).Append(float.NaN).ToArray();
        var range = DisplayRange.Percentiles(values);
        Assert.Equal(5, range.Low);
        Assert.Equal(998, range.High);
        Assert.True(DisplayRange.Percentiles([2f, 2f]).High > 2);
        Assert.Equal(255, DisplayRange.Percentiles([float.NaN]).Grey(10));
    }

    [Fact]
    public void APreviewBinsBlocksToTheirMeanWithinTheSizeLimit()
    {
        var header = new FitsHeader();
        var values = new float[1700 * 10];
        for (var i = 0; i < values.Length; i++) values[i] = i % 1700;
        var path = Path.Combine(_folder, "wide.fits");
        FitsWriter.Write(path, header, values, [1700, 10]);
        var preview = ImagePreview.Read(path);
        Assert.Equal((3, 566, 3), (preview.Bin, preview.Width, preview.Height));
        Assert.Equal(1, preview.Values[0]);        // mean of columns 0, 1, 2
        Assert.Equal(4, preview.Values[1]);
        Assert.Equal(ImagePreview.Layout(1700, 10), (preview.Bin, preview.Width, preview.Height));
    }

    [Fact]
    public void AMissingOrCasaImageSaysWhyItsPixelsCannotBeShown()
    {
        var gone = ImageFile.Locate(Path.Combine(_folder, "gone.fits"));
        Assert.False(gone.IsReachable);
        Assert.Contains("no longer reachable", gone.Problem);
        Assert.Contains("gone.fits", gone.Problem);
        Assert.Contains("CASA", ImageFile.Locate(_folder).Problem);
        Assert.True(ImageFile.Locate(Image().Path).IsReachable);
    }
}
