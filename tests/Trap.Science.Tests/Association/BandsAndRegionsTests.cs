using Trap.Science.Association;

namespace Trap.Science.Tests.Association;

public class BandsAndRegionsTests
{
    [Fact]
    public void ImagesJoinTheFirstBandTheyOverlapStrictly()
    {
        var bands = new FrequencyBands();
        Assert.Equal(1, bands.BandOf(150e6, 1e6));   // [149.5, 150.5] MHz
        Assert.Equal(1, bands.BandOf(150.9e6, 1e6)); // [150.4, 151.4] overlaps
        Assert.Equal(2, bands.BandOf(151e6, 1e6));   // [150.5, 151.5] only touches band 1: span 2 MHz is not < 2 MHz
        Assert.Equal(2, bands.BandOf(151.2e6, 0.2e6));
        Assert.Equal(new[] { 150e6, 151e6 }, bands.Bands.Select(b => b.CentralHz));
    }

    [Fact]
    public void BandwidthMaxReplacesTheImageBandwidth()
    {
        var bands = new FrequencyBands(bandwidthMaxHz: 10e6);
        Assert.Equal(1, bands.BandOf(150e6, 1e3));
        Assert.Equal(1, bands.BandOf(159e6, 1e3));
        Assert.Equal(2, bands.BandOf(161e6, 1e3));
        Assert.Throws<ArgumentException>(() => new FrequencyBands().BandOf(double.NaN, 1e6));
    }

    [Fact]
    public void RegionsAreSharedOnlyByExactlyEqualCircles()
    {
        var regions = new SkyRegions();
        var a = regions.RegionOf(10.0, 30.0, 2.0);
        Assert.Same(a, regions.RegionOf(370.0, 30.0, 2.0)); // RA taken mod 360
        Assert.NotSame(a, regions.RegionOf(10.0, 30.0, 2.0000001));
        Assert.Equal(new long[] { 1, 2 }, regions.Regions.Select(r => r.Id));
        Assert.True(a.Covers(SkyVector.FromRaDec(10.0, 31.99)));
        Assert.False(a.Covers(SkyVector.FromRaDec(10.0, 32.01)));
        Assert.Equal(1.5, a.DistanceDeg(SkyVector.FromRaDec(10.0, 31.5)), 9);
        Assert.Throws<ArgumentException>(() => regions.RegionOf(0, 95, 1));
    }
}
