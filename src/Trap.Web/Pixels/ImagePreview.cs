using System.Buffers;
using Trap.Formats.Fits;

namespace Trap.Web.Pixels;

/// <summary>
/// A whole image shrunk to at most <see cref="MaxSide"/> pixels a side for the image page: each preview
/// pixel is the mean of a bin×bin block (NaN pixels left out), read a block of rows at a time, so memory
/// is bin image rows plus the preview whatever the image's size. Drawn with the preview's own percentile range.
/// </summary>
public sealed record ImagePreview(int Width, int Height, int Bin, float[] Values)
{
    public const int MaxSide = 800;

    public static ImagePreview Read(string path)
    {
        using var reader = FitsFile.OpenRows(path);
        var hdu = reader.Hdu;
        var (bin, width, height) = Layout(hdu.Width, hdu.Height);
        if (width == 0 || height == 0) throw new InvalidOperationException($"{path} is too small to preview ({hdu.Width}×{hdu.Height}).");
        var values = new float[width * height];
        var block = ArrayPool<float>.Shared.Rent(hdu.Width * bin);
        try
        {
            for (var py = 0; py < height; py++)
            {
                var rows = block.AsSpan(0, hdu.Width * bin);
                reader.ReadRows(py * bin, rows);
                for (var px = 0; px < width; px++) values[py * width + px] = BlockMean(rows, hdu.Width, px * bin, bin);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(block);
        }
        return new ImagePreview(width, height, bin, values);
    }

    /// <summary>The bin of an image of <paramref name="imageWidth"/>×<paramref name="imageHeight"/> and its preview's size (the last partial bin of a row or column is left out).</summary>
    public static (int Bin, int Width, int Height) Layout(int imageWidth, int imageHeight)
    {
        var bin = Math.Max(1, (int)Math.Ceiling(Math.Max(imageWidth, imageHeight) / (double)MaxSide));
        return (bin, imageWidth / bin, imageHeight / bin);
    }

    public byte[] ToPng() => GreyPng.Encode(Values, Width, Height, DisplayRange.Percentiles(Values));

    private static float BlockMean(ReadOnlySpan<float> rows, int rowLength, int x0, int bin)
    {
        double sum = 0;
        var count = 0;
        for (var r = 0; r < bin; r++)
        {
            foreach (var v in rows.Slice(r * rowLength + x0, bin))
            {
                if (!float.IsFinite(v)) continue;
                sum += v;
                count++;
            }
        }
        return count == 0 ? float.NaN : (float)(sum / count);
    }
}
