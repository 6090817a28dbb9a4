using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Detection;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

public class IslandFinderTests
{
    private const int N = 100;

    private static BackgroundMaps Maps(float[] pixels) =>
        BackgroundMaps.Compute(pixels, ExtractionMask.Build(pixels, N, N, 0, 0), N, N, 50, 50);

    [Fact]
    public void DiagonalNeighboursAreSeparateIslands()
    {
        var pixels = TestImages.Noise(N, N, 1, seed: 21);
        pixels[40 * N + 40] = 50;
        pixels[41 * N + 41] = 50;
        var islands = IslandFinder.Find(pixels, Maps(pixels), 8, 3);
        Assert.Equal(2, islands.Count);
        Assert.Contains(islands, i => i.Box == new PixelBox(40, 40, 1, 1));
        Assert.Contains(islands, i => i.Box == new PixelBox(41, 41, 1, 1));
    }

    [Fact]
    public void EdgeNeighboursJoinOneIsland()
    {
        var pixels = TestImages.Noise(N, N, 1, seed: 21);
        pixels[40 * N + 40] = 50;
        pixels[40 * N + 41] = 50;
        var island = Assert.Single(IslandFinder.Find(pixels, Maps(pixels), 8, 3));
        Assert.Equal(new PixelBox(40, 40, 2, 1), island.Box);
        Assert.Equal(2, island.PixelCount);
    }

    [Fact]
    public void IslandsNeedOnePixelAboveTheDetectionThreshold()
    {
        var pixels = TestImages.Noise(N, N, 1, seed: 22);
        TestImages.Add(pixels, N, new GaussianParameters(7, 30, 30, 2, 2, 0));   // below 8σ everywhere
        TestImages.Add(pixels, N, new GaussianParameters(20, 70, 70, 2, 2, 0));  // above
        var islands = IslandFinder.Find(pixels, Maps(pixels), 8, 3);
        var island = Assert.Single(islands);
        Assert.InRange(island.Box.X0, 64, 70);
        Assert.InRange(island.Sig, 19, 24);
        Assert.InRange(island.Noise, 0.9, 1.1);
        Assert.Equal(3 * island.Noise, island.Threshold, 9);
        Assert.All(island.Values.Where(Island.IsMember), v => Assert.True(v > 2.5));
    }

    [Fact]
    public void DeblendingSplitsTwoTouchingSources()
    {
        var pixels = TestImages.Noise(N, N, 0.01, seed: 23);
        TestImages.Add(pixels, N, new GaussianParameters(1.0, 45, 50, 2.5, 2.5, 0));
        TestImages.Add(pixels, N, new GaussianParameters(0.8, 53, 50, 2.5, 2.5, 0));
        var maps = Maps(pixels);
        var island = Assert.Single(IslandFinder.Find(pixels, maps, 8, 3));
        Assert.Single(Deblender.Deblend(island, maps, 8, 0, 3));
        var parts = Deblender.Deblend(island, maps, 8, 32, 3);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Threshold > island.Threshold));
        Assert.True(parts.Sum(p => p.PixelCount) < island.PixelCount);
    }
}
