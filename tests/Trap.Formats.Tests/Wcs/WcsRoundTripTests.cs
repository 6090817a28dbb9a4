using Trap.Formats.Wcs;

namespace Trap.Formats.Tests.Wcs;

/// <summary>pixel → sky → pixel closes to 1e-8 pixel over a grid of every real file and synthetic header.</summary>
public class WcsRoundTripTests
{
    private const double TolerancePixels = 1e-8;

    public static TheoryData<string> RealFiles() => new(WcsReference.Entries.Where(e => !e.IsCasa).Select(e => e.File));

    public static TheoryData<string> Synthetic() => new(SyntheticHeader.All.Select(h => h.Name));

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Real_file_round_trips(string file)
    {
        var (nx, ny) = WcsReference.Get(file).ImageSize;
        var (onSky, _) = AssertRoundTrips(WcsTestFiles.ReadWcs(file), nx, ny, file);
        Assert.True(onSky > 0, $"{file}: no pixel of the grid is on the sky");
    }

    [Theory]
    [MemberData(nameof(Synthetic))]
    public void Synthetic_header_round_trips(string name)
    {
        var h = SyntheticHeader.All.Single(s => s.Name == name);
        var (onSky, offSky) = AssertRoundTrips(CelestialWcs.FromHeader(h.ToHeader(), name), h.Nx, h.Ny, name);
        Assert.True(onSky > 0, $"{name}: no pixel of the grid is on the sky");
        Assert.Equal(h.HasOffSkyPixels, offSky > 0);
    }

    [Theory]
    [MemberData(nameof(Synthetic))]
    public void Written_header_reads_back_as_the_same_wcs(string name)
    {
        var h = SyntheticHeader.All.Single(s => s.Name == name);
        var wcs = CelestialWcs.FromHeader(h.ToHeader(), name);
        var written = new Trap.Formats.Fits.FitsHeader();
        wcs.AddToHeader(written);
        var reread = CelestialWcs.FromHeader(written, name + " (rewritten)");
        foreach (var (x, y) in WcsTestFiles.Grid(h.Nx, h.Ny, 7))
        {
            var a = wcs.TryPixelToSky(x, y, out var lon1, out var lat1);
            var b = reread.TryPixelToSky(x, y, out var lon2, out var lat2);
            Assert.Equal(a, b);
            if (a) Assert.True(WcsTestFiles.SeparationArcsec(lon1, lat1, lon2, lat2) < 1e-9, $"{name} ({x}, {y})");
        }
    }

    private static (int OnSky, int OffSky) AssertRoundTrips(CelestialWcs wcs, int nx, int ny, string name)
    {
        int onSky = 0, offSky = 0;
        foreach (var (x, y) in WcsTestFiles.Grid(nx, ny))
        {
            if (!wcs.TryPixelToSky(x, y, out var ra, out var dec))
            {
                offSky++;
                continue;
            }
            onSky++;
            Assert.True(wcs.TrySkyToPixel(ra, dec, out var x2, out var y2), $"{name}: ({x}, {y}) → ({ra}, {dec}) does not project back");
            var error = Math.Max(Math.Abs(x2 - x), Math.Abs(y2 - y));
            Assert.True(error < TolerancePixels, $"{name}: ({x}, {y}) → ({ra}, {dec}) → ({x2}, {y2}), off by {error:E2} px");
        }
        return (onSky, offSky);
    }
}
