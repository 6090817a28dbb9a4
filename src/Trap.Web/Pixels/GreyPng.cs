using BigGustave;

namespace Trap.Web.Pixels;

/// <summary>
/// Pixel values drawn as a greyscale PNG (BigGustave, a small managed encoder). FITS rows run from the
/// bottom of the sky image up, PNG rows from the top down, so rows are flipped: north stays up.
/// NaN pixels (blanked, or beyond the image's edge) are drawn dark blue so they are not read as sky.
/// </summary>
public static class GreyPng
{
    public static byte[] Encode(ReadOnlySpan<float> values, int width, int height, DisplayRange range)
    {
        var png = PngBuilder.Create(width, height, false);
        for (var y = 0; y < height; y++)
        {
            var row = values.Slice((height - 1 - y) * width, width);
            for (var x = 0; x < width; x++)
            {
                if (float.IsNaN(row[x]))
                {
                    png.SetPixel(20, 30, 80, x, y);
                    continue;
                }
                var grey = range.Grey(row[x]);
                png.SetPixel(grey, grey, grey, x, y);
            }
        }
        using var stream = new MemoryStream();
        png.Save(stream);
        return stream.ToArray();
    }
}
