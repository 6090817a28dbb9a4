using Trap.Science.Extraction.Background;

namespace Trap.Science.Tests.Extraction;

public class BackgroundMapsTests
{
    [Fact]
    public void MapsFollowABackgroundGradientAndTheNoiseLevel()
    {
        const int n = 300;
        var pixels = TestImages.Noise(n, n, 0.01, seed: 11);
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++) pixels[y * n + x] += (float)(0.1 + 0.0001 * x); // ramp of half the noise per cell
        }
        var mask = ExtractionMask.Build(pixels, n, n, margin: 0, radius: 0);
        var maps = BackgroundMaps.Compute(pixels, mask, n, n, 50, 50);

        Assert.Equal(6, maps.Grid!.NodesX);
        for (var x = 75; x < 225; x += 10)
        {
            // Bilinear between cell centres reproduces a linear ramp (noise of a node ≈ 0.01/50).
            Assert.InRange(maps.Background[150 * n + x] - (0.1 + 0.0001 * x), -0.001, 0.001);
        }
        Assert.InRange(maps.RmsMin, 0.0095, 0.011); // the ramp adds a little variance within a cell
        Assert.InRange(maps.RmsMax, 0.0095, 0.011);
    }

    [Fact]
    public void NodesSitAtCellCentresAndEdgesHoldTheEdgeNode()
    {
        // 200 px, cells of 50 → 4 nodes; pixel p ↦ −0.5 + p·4/199.
        Assert.Equal(0, BackgroundMaps.NodeCoordinate(0, 200, 50, 4));
        Assert.Equal(-0.5 + 100 * 4.0 / 199, BackgroundMaps.NodeCoordinate(100, 200, 50, 4), 12);
        Assert.Equal(3, BackgroundMaps.NodeCoordinate(199, 200, 50, 4));
        // Node 1 (cell 50..99) lies near the cell centre p ≈ 74.6.
        Assert.Equal(1.0, BackgroundMaps.NodeCoordinate(75, 200, 50, 4), 1);
    }

    [Fact]
    public void MarginCircleAndNaNPixelsAreMasked()
    {
        const int n = 120;
        var pixels = TestImages.Noise(n, n, 1, seed: 5);
        pixels[60 * n + 61] = float.NaN;
        var mask = ExtractionMask.Build(pixels, n, n, margin: 10, radius: 50);
        Assert.True(mask[5 * n + 60]);            // margin
        Assert.True(mask[60 * n + 61]);           // NaN
        Assert.True(mask[15 * n + 15]);           // outside the circle, inside the margin
        Assert.False(mask[60 * n + 60]);
        var maps = BackgroundMaps.Compute(pixels, mask, n, n, 25, 25);
        Assert.True(maps.IsMasked(5 * n + 60));
        Assert.True(maps.IsMasked(60 * n + 61));
        Assert.False(maps.IsMasked(60 * n + 60));
        Assert.True(float.IsFinite(maps.Rms[60 * n + 60]));
        // The useful box is the circle's bounding box: 11..109.
        Assert.Equal(new PixelBox(10, 10, 100, 100), PixelBox.OfUnmasked(mask, n, n));
    }

    [Fact]
    public void AllZeroCellsAreMaskedNodesAndFilledFromNeighbours()
    {
        const int n = 100;
        var pixels = TestImages.Noise(n, n, 1, seed: 9);
        for (var y = 0; y < 50; y++)
        {
            for (var x = 0; x < 50; x++) pixels[y * n + x] = 0;
        }
        var mask = ExtractionMask.Build(pixels, n, n, 0, 0);
        var maps = BackgroundMaps.Compute(pixels, mask, n, n, 50, 50);
        Assert.True(double.IsNaN(maps.Grid!.Rms[0]));
        Assert.Equal(3, maps.Grid.Rms.Count(v => !double.IsNaN(v)));
        Assert.InRange(maps.Rms[10 * n + 10], 0.9, 1.1);
    }
}
