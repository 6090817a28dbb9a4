using Trap.Formats.Casa;
using Trap.Images.Accessors;
using Trap.TestSupport;

namespace Trap.Images.Tests;

/// <summary>casacore-tools (image2fits, taql) must be installed: apt-get install -y casacore-tools.</summary>
public class CasaToolsTests
{
    private static readonly string L55596 = RealData.PathOf(
        "lofar-casa/L55596_000TO009_skymodellsc_wmax6000_noise_mult10_cell40_npix512_wplanes215.img.restored.corr");

    [Fact]
    public void ConvertedFitsIsDeletedOnDispose()
    {
        string path;
        using (var fits = CasaImageConverter.ToFits(RealData.PathOf("kat7/kat7.image")))
        {
            path = fits.Path;
            Assert.True(new FileInfo(path).Length > 256 * 256 * 4);
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void MissingToolSaysToInstallCasacoreTools()
    {
        var error = Assert.Throws<CasaFormatException>(() => CasacoreTool.Run("trap-no-such-casacore-tool", Array.Empty<string>(), "x.image"));
        Assert.Contains("not installed", error.Problem);
        Assert.Contains("apt-get install -y casacore-tools", error.Remedy);
    }

    [Fact]
    public void FailingConversionIsAClearError()
    {
        // A LOFAR_* subtable is a table but not an image: image2fits fails, and nothing is left behind.
        var before = Directory.GetFiles(Path.GetTempPath(), "trap-casa-*.fits").ToHashSet();
        Assert.Throws<CasaFormatException>(() => CasaImageConverter.ToFits(Path.Combine(L55596, "LOFAR_ORIGIN")));
        // Other tests (and test processes) convert CASA images meanwhile: their files come and go, a leaked one stays.
        Assert.True(SpinWait.SpinUntil(() => Directory.GetFiles(Path.GetTempPath(), "trap-casa-*.fits").All(before.Contains), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void FailingQueryIsAClearError() =>
        Assert.Throws<CasaFormatException>(() => CasaTableQuery.Select(L55596, "select NO_SUCH_COLUMN from LOFAR_ORIGIN"));

    [Fact]
    public void LofarSubtablesGiveTheObservation()
    {
        var observation = LofarCasaTables.Read(L55596);
        // 42 CS*HBA0/1 fields and RS106, RS205, RS503 have visibilities in NVIS_USED; the other 6 RS have none.
        Assert.Equal(new LofarFields("HBA_DUAL", 42, 3, 0, 10, 200e6 / 1024, null), observation.Fields);
        // OBSERVATION_START = 4840403041 MJD seconds = 2012-04-06 04:24:01 UTC.
        Assert.Equal(new DateTime(2012, 4, 6, 4, 24, 1, DateTimeKind.Utc), observation.StartUtc);
        // One LOFAR_ORIGIN interval: END − START = 4898544550.156864 − 4840403041 s.
        Assert.Equal(4_898_544_550.156864 - 4_840_403_041.0, observation.IntegrationSeconds, 1e-5);
    }

    [Fact]
    public void UnionOfIntervalsCountsOverlapsOnce()
    {
        var intervals = new[] { (0.0, 10.0), (5.0, 15.0), (20.0, 30.0), (21.0, 22.0), (40.0, 40.0) };
        Assert.Equal(25.0, LofarCasaTables.UnionLength(intervals));
    }
}
