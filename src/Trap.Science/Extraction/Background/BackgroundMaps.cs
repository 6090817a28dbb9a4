using System.Numerics;

namespace Trap.Science.Extraction.Background;

/// <summary>
/// Background and RMS at every pixel (row by row, like <c>SkyImage.Pixels</c>). Masked pixels — the
/// extraction mask, everything outside the useful box, or all of the image when the grid is fully
/// masked — have RMS = +∞ and background 0, so a threshold test "value > k·RMS" fails there without a
/// separate mask look-up.
/// </summary>
public sealed class BackgroundMaps
{
    private BackgroundMaps(int width, int height, float[] background, float[] rms, BackgroundGrid? grid)
    {
        Width = width;
        Height = height;
        Background = background;
        Rms = rms;
        Grid = grid;
        MedianRmsNode = grid?.MedianRms() ?? double.NaN;
        (RmsMin, RmsMax) = Range(rms);
    }

    public int Width { get; }

    public int Height { get; }

    public float[] Background { get; }

    public float[] Rms { get; }

    /// <summary>The node grid the maps were interpolated from; null when no pixel was unmasked.</summary>
    public BackgroundGrid? Grid { get; }

    /// <summary>Median of the unmasked RMS nodes (reference of the 0.001 RMS filter).</summary>
    public double MedianRmsNode { get; }

    /// <summary>Smallest RMS over unmasked pixels; NaN when everything is masked.</summary>
    public double RmsMin { get; }

    /// <summary>Largest RMS over unmasked pixels; NaN when everything is masked.</summary>
    public double RmsMax { get; }

    public bool IsMasked(int index) => float.IsPositiveInfinity(Rms[index]);

    /// <summary>Grid estimate (§4.3) and bilinear interpolation to every pixel of the useful box.</summary>
    public static BackgroundMaps Compute(ReadOnlySpan<float> pixels, ReadOnlySpan<bool> mask, int width, int height, int backSizeX, int backSizeY)
    {
        var background = new float[pixels.Length];
        var rms = new float[pixels.Length];
        rms.AsSpan().Fill(float.PositiveInfinity);
        var box = PixelBox.OfUnmasked(mask, width, height);
        if (box.IsEmpty) return new BackgroundMaps(width, height, background, rms, null);

        var grid = BackgroundGridEstimator.Estimate(pixels, width, box, backSizeX, backSizeY);
        if (grid.FullyMasked) return new BackgroundMaps(width, height, background, rms, grid);

        var bgNodes = FillMaskedNodes(grid, grid.Background);
        var rmsNodes = FillMaskedNodes(grid, grid.Rms);
        Interpolate(bgNodes, grid, box, backSizeX, backSizeY, width, background);
        Interpolate(rmsNodes, grid, box, backSizeX, backSizeY, width, rms);

        var floor = (float)grid.MinRms();
        for (var y = box.Y0; y < box.Y0 + box.Height; y++)
        {
            for (var i = y * width + box.X0; i < y * width + box.X0 + box.Width; i++)
            {
                if (mask[i])
                {
                    rms[i] = float.PositiveInfinity;
                    background[i] = 0;
                }
                else if (rms[i] < floor)
                {
                    rms[i] = floor; // TraP's "roundup" of the RMS map to the smallest node
                }
            }
        }
        return new BackgroundMaps(width, height, background, rms, grid);
    }

    /// <summary>
    /// Fractional node coordinate of pixel p along an axis of n box pixels (TraP's map_coordinates
    /// sampling: n points from −0.5 to −0.5 + n/backSize), held at the edge nodes outside the grid.
    /// </summary>
    public static double NodeCoordinate(int p, int n, int backSize, int nodes)
    {
        var u = n > 1 ? -0.5 + p * ((double)n / backSize) / (n - 1) : -0.5;
        return Math.Clamp(u, 0, nodes - 1);
    }

    /// <summary>
    /// Masked nodes take the value of the nearest unmasked node, so the bilinear interpolation never
    /// mixes in a missing value (TraP's facts leave this case open; this is Trap's choice).
    /// </summary>
    private static float[] FillMaskedNodes(BackgroundGrid grid, double[] values)
    {
        var filled = new float[values.Length];
        for (var node = 0; node < values.Length; node++)
        {
            if (!double.IsNaN(grid.Rms[node]))
            {
                filled[node] = (float)values[node];
                continue;
            }
            int ni = node % grid.NodesX, nj = node / grid.NodesX;
            var best = double.MaxValue;
            for (var other = 0; other < values.Length; other++)
            {
                if (double.IsNaN(grid.Rms[other])) continue;
                double di = other % grid.NodesX - ni, dj = other / grid.NodesX - nj;
                var d2 = di * di + dj * dj;
                if (d2 < best)
                {
                    best = d2;
                    filled[node] = (float)values[other];
                }
            }
        }
        return filled;
    }

    /// <summary>Separable bilinear interpolation: node rows along x first, then rows of pixels along y.</summary>
    private static void Interpolate(float[] nodes, BackgroundGrid grid, PixelBox box, int backSizeX, int backSizeY, int width, float[] map)
    {
        var rowsAlongX = new float[grid.NodesY][];
        for (var j = 0; j < grid.NodesY; j++)
        {
            var row = rowsAlongX[j] = new float[box.Width];
            for (var p = 0; p < box.Width; p++)
            {
                var u = NodeCoordinate(p, box.Width, backSizeX, grid.NodesX);
                var i0 = (int)u;
                var i1 = Math.Min(i0 + 1, grid.NodesX - 1);
                var f = (float)(u - i0);
                row[p] = (1 - f) * nodes[j * grid.NodesX + i0] + f * nodes[j * grid.NodesX + i1];
            }
        }
        for (var q = 0; q < box.Height; q++)
        {
            var v = NodeCoordinate(q, box.Height, backSizeY, grid.NodesY);
            var j0 = (int)v;
            var j1 = Math.Min(j0 + 1, grid.NodesY - 1);
            var f = (float)(v - j0);
            Lerp(rowsAlongX[j0], rowsAlongX[j1], f, map.AsSpan((box.Y0 + q) * width + box.X0, box.Width));
        }
    }

    private static void Lerp(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float f, Span<float> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vf = new Vector<float>(f);
            var vg = new Vector<float>(1 - f);
            for (; i <= output.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(a[i..]) * vg + new Vector<float>(b[i..]) * vf).CopyTo(output[i..]);
            }
        }
        for (; i < output.Length; i++) output[i] = (1 - f) * a[i] + f * b[i];
    }

    private static (double Min, double Max) Range(float[] rms)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in rms)
        {
            if (float.IsPositiveInfinity(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return max < min ? (double.NaN, double.NaN) : (min, max);
    }
}
