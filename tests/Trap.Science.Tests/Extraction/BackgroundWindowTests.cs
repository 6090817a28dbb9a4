using Trap.Science.Extraction.Background;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// Forced fits interpolate only their box from the stored grid: the window values and the window's
/// extraction mask must equal the whole-image maps and mask there, bit for bit, wherever the box is
/// (inside, across the circle's edge, beside NaN pixels, at the margins).
/// </summary>
public class BackgroundWindowTests
{
    private const int Width = 180;
    private const int Height = 150;

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(6, 70.0)]
    [InlineData(3, 0.0)]
    public void AWindowFromTheGridEqualsTheWholeImageMapsThere(int margin, double radius)
    {
        var pixels = TestImages.Noise(Width, Height, 1.0, seed: 5, background: 3.0);
        for (var x = 40; x < 60; x++) pixels[90 * Width + x] = float.NaN;
        var mask = ExtractionMask.Build(pixels, Width, Height, margin, radius);
        var maps = BackgroundMaps.Compute(pixels, mask, Width, Height, 32, 24);
        foreach (var window in new[] { new PixelBox(0, 0, 20, 20), new PixelBox(70, 60, 16, 16), new PixelBox(35, 80, 30, 20),
                     new PixelBox(150, 120, 30, 30), new PixelBox(5, 130, 40, 20) })
        {
            var windowMask = ExtractionMask.BuildWindow(pixels, Width, Height, margin, radius, window);
            var fromGrid = BackgroundWindow.FromGrid(maps.Layout, 32, 24, window, windowMask);
            for (var y = window.Y0; y < window.Y0 + window.Height; y++)
            {
                for (var x = window.X0; x < window.X0 + window.Width; x++)
                {
                    var i = y * Width + x;
                    Assert.Equal(mask[i], windowMask[(y - window.Y0) * window.Width + x - window.X0]);
                    Assert.Equal(BitConverter.SingleToInt32Bits(maps.Background[i]), BitConverter.SingleToInt32Bits(fromGrid.Background(x, y)));
                    Assert.Equal(BitConverter.SingleToInt32Bits(maps.Rms[i]), BitConverter.SingleToInt32Bits(fromGrid.Rms(x, y)));
                }
            }
        }
    }

    [Fact]
    public void AFullyMaskedImageGivesAFullyMaskedWindow()
    {
        var pixels = new float[Width * Height];
        pixels.AsSpan().Fill(float.NaN);
        var mask = ExtractionMask.Build(pixels, Width, Height, 0, 0);
        var maps = BackgroundMaps.Compute(pixels, mask, Width, Height, 32, 24);
        var window = new PixelBox(10, 10, 8, 8);
        var fromGrid = BackgroundWindow.FromGrid(maps.Layout, 32, 24, window, ExtractionMask.BuildWindow(pixels, Width, Height, 0, 0, window));
        Assert.True(fromGrid.IsMasked(12, 13));
        Assert.Equal(0f, fromGrid.Background(12, 13));
    }
}
