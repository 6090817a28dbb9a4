using System.Buffers;
using System.Numerics;
using Trap.Formats.Buffers;

namespace Trap.Science.Extraction.Background;

/// <summary>
/// Background and RMS at every pixel (row by row, like <c>SkyImage.Pixels</c>). Masked pixels — the
/// extraction mask, everything outside the useful box, or all of the image when the grid is fully
/// masked — have RMS = +∞ and background 0, so a threshold test "value > k·RMS" fails there without a
/// separate mask look-up. The two maps are rented from <see cref="ExactLengthArrayPool{T}.Shared"/>;
/// disposing hands them back (each instance has its own arrays, so two live maps never share one).
/// </summary>
public sealed class BackgroundMaps : IDisposable
{
    private float[]? _background;
    private float[]? _rms;

    private BackgroundMaps(int width, int height, float[] background, float[] rms, BackgroundGrid? grid, PixelBox usefulBox,
        double rmsMin, double rmsMax)
    {
        Width = width;
        Height = height;
        _background = background;
        _rms = rms;
        Grid = grid;
        UsefulBox = usefulBox;
        MedianRmsNode = grid?.MedianRms() ?? double.NaN;
        (RmsMin, RmsMax) = (rmsMin, rmsMax);
    }

    public int Width { get; }

    public int Height { get; }

    public float[] Background => _background ?? throw Disposed();

    public float[] Rms => _rms ?? throw Disposed();

    /// <summary>The node grid the maps were interpolated from; null when no pixel was unmasked.</summary>
    public BackgroundGrid? Grid { get; }

    /// <summary>Bounding box of the unmasked pixels, over which the grid was estimated and interpolated.</summary>
    public PixelBox UsefulBox { get; }

    /// <summary>What <see cref="BackgroundWindow.FromGrid"/> needs to give these maps' values in any window.</summary>
    public BackgroundLayout Layout => new(Grid, UsefulBox);

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
        var background = ExactLengthArrayPool<float>.Shared.Rent(pixels.Length);
        var rms = ExactLengthArrayPool<float>.Shared.Rent(pixels.Length);
        var box = PixelBox.OfUnmasked(mask, width, height);
        var grid = box.IsEmpty ? null : BackgroundGridEstimator.Estimate(pixels, width, box, backSizeX, backSizeY);
        if (box.IsEmpty || grid!.FullyMasked)
        {
            background.AsSpan().Clear();
            rms.AsSpan().Fill(float.PositiveInfinity);
            return new BackgroundMaps(width, height, background, rms, grid, box, double.NaN, double.NaN);
        }
        // The interpolation writes every pixel of the box; only the pixels around it are filled here.
        FillOutside(background, box, width, 0);
        FillOutside(rms, box, width, float.PositiveInfinity);
        var (rmsMin, rmsMax) = InterpolateBox(grid, mask, box, backSizeX, backSizeY, width, background, rms);
        return new BackgroundMaps(width, height, background, rms, grid, box, rmsMin, rmsMax);
    }

    /// <summary>
    /// One pass over the box's rows (docs/science.md, "Extraction performance"): each row of both maps
    /// is interpolated from the node rows along x, the RMS raised to the smallest node (TraP's
    /// "roundup"), masked pixels set, and the RMS range over unmasked pixels taken; NaN, NaN when
    /// every pixel is masked.
    /// </summary>
    private static (double Min, double Max) InterpolateBox(BackgroundGrid grid, ReadOnlySpan<bool> mask, PixelBox box,
        int backSizeX, int backSizeY, int width, float[] background, float[] rms)
    {
        // The node rows along x: nodesY × box width values each, rented (at 2048² they are 330 kB, a
        // large-object allocation per image otherwise) and handed back at the end.
        var bgRows = RowsAlongX(FillMaskedNodes(grid, grid.Background), grid, box, backSizeX);
        var rmsRows = RowsAlongX(FillMaskedNodes(grid, grid.Rms), grid, box, backSizeX);
        var floor = (float)grid.MinRms();
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        for (var q = 0; q < box.Height; q++)
        {
            var start = (box.Y0 + q) * width + box.X0;
            var (j0, j1, f) = NodePair(q, box.Height, backSizeY, grid.NodesY);
            var bgRow = background.AsSpan(start, box.Width);
            var rmsRow = rms.AsSpan(start, box.Width);
            Lerp(NodeRow(bgRows, j0, box.Width), NodeRow(bgRows, j1, box.Width), f, bgRow);
            LerpAtLeast(NodeRow(rmsRows, j0, box.Width), NodeRow(rmsRows, j1, box.Width), f, floor, rmsRow);
            var rowMask = mask.Slice(start, box.Width);
            for (var x = rowMask.IndexOf(true); x >= 0; x = NextMasked(rowMask, x + 1))
            {
                rmsRow[x] = float.PositiveInfinity;
                bgRow[x] = 0;
            }
            AccumulateRange(rmsRow, ref min, ref max);
        }
        ArrayPool<float>.Shared.Return(bgRows);
        ArrayPool<float>.Shared.Return(rmsRows);
        return float.IsPositiveInfinity(min) ? (double.NaN, double.NaN) : (min, max);
    }

    public void Dispose()
    {
        if (_background is null || _rms is null) return;
        ExactLengthArrayPool<float>.Shared.Return(_background);
        ExactLengthArrayPool<float>.Shared.Return(_rms);
        _background = null;
        _rms = null;
    }

    private ObjectDisposedException Disposed() => new(nameof(BackgroundMaps), "The maps were handed back.");

    /// <summary>
    /// Fractional node coordinate of pixel p along an axis of n box pixels (TraP's map_coordinates
    /// sampling: n points from −0.5 to −0.5 + n/backSize), held at the edge nodes outside the grid.
    /// </summary>
    public static double NodeCoordinate(int p, int n, int backSize, int nodes)
    {
        var u = n > 1 ? -0.5 + p * ((double)n / backSize) / (n - 1) : -0.5;
        return Math.Clamp(u, 0, nodes - 1);
    }

    /// <summary>The two nodes pixel p of an axis of n box pixels lies between, and its weight towards the second.</summary>
    internal static (int First, int Second, float Weight) NodePair(int p, int n, int backSize, int nodes)
    {
        var u = NodeCoordinate(p, n, backSize, nodes);
        var first = (int)u;
        return (first, Math.Min(first + 1, nodes - 1), (float)(u - first));
    }

    /// <summary>
    /// Masked nodes take the value of the nearest unmasked node, so the bilinear interpolation never
    /// mixes in a missing value (TraP's facts leave this case open; this is Trap's choice).
    /// </summary>
    internal static float[] FillMaskedNodes(BackgroundGrid grid, double[] values)
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

    /// <summary>
    /// The first half of the separable bilinear interpolation: every node row interpolated along x to
    /// the box's columns, row j at [j·box width, (j + 1)·box width) of an array rented from
    /// <see cref="ArrayPool{T}.Shared"/> (the second half, along y, is <see cref="Lerp"/> of two of these rows).
    /// </summary>
    private static float[] RowsAlongX(float[] nodes, BackgroundGrid grid, PixelBox box, int backSizeX)
    {
        var rows = ArrayPool<float>.Shared.Rent(grid.NodesY * box.Width);
        for (var p = 0; p < box.Width; p++)
        {
            var (i0, i1, f) = NodePair(p, box.Width, backSizeX, grid.NodesX);
            for (var j = 0; j < grid.NodesY; j++)
            {
                rows[j * box.Width + p] = (1 - f) * nodes[j * grid.NodesX + i0] + f * nodes[j * grid.NodesX + i1];
            }
        }
        return rows;
    }

    private static ReadOnlySpan<float> NodeRow(float[] rows, int j, int width) => rows.AsSpan(j * width, width);

    /// <summary>Sets every pixel of <paramref name="map"/> outside <paramref name="box"/> to <paramref name="value"/>.</summary>
    private static void FillOutside(Span<float> map, PixelBox box, int width, float value)
    {
        map[..(box.Y0 * width)].Fill(value);
        map[((box.Y0 + box.Height) * width)..].Fill(value);
        for (var y = box.Y0; y < box.Y0 + box.Height; y++)
        {
            map.Slice(y * width, box.X0).Fill(value);
            map.Slice(y * width + box.X0 + box.Width, width - box.X0 - box.Width).Fill(value);
        }
    }

    private static int NextMasked(ReadOnlySpan<bool> rowMask, int from)
    {
        if (from >= rowMask.Length) return -1;
        var i = rowMask[from..].IndexOf(true);
        return i < 0 ? -1 : from + i;
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

    /// <summary>As <see cref="Lerp"/>, each value raised to at least <paramref name="floor"/>.</summary>
    private static void LerpAtLeast(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float f, float floor, Span<float> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vf = new Vector<float>(f);
            var vg = new Vector<float>(1 - f);
            var vFloor = new Vector<float>(floor);
            for (; i <= output.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Max(new Vector<float>(a[i..]) * vg + new Vector<float>(b[i..]) * vf, vFloor).CopyTo(output[i..]);
            }
        }
        for (; i < output.Length; i++) output[i] = Math.Max((1 - f) * a[i] + f * b[i], floor);
    }

    /// <summary>Takes the smallest and the largest finite RMS of the row into the range (masked pixels are +∞).</summary>
    private static void AccumulateRange(ReadOnlySpan<float> rms, ref float min, ref float max)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && rms.Length >= Vector<float>.Count)
        {
            var vMin = new Vector<float>(min);
            var vMax = new Vector<float>(max);
            var inf = new Vector<float>(float.PositiveInfinity);
            for (; i <= rms.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(rms[i..]);
                vMin = Vector.Min(vMin, v);
                vMax = Vector.ConditionalSelect(Vector.LessThan(v, inf), Vector.Max(vMax, v), vMax);
            }
            for (var k = 0; k < Vector<float>.Count; k++)
            {
                min = Math.Min(min, vMin[k]);
                max = Math.Max(max, vMax[k]);
            }
        }
        for (; i < rms.Length; i++)
        {
            min = Math.Min(min, rms[i]);
            if (rms[i] < float.PositiveInfinity) max = Math.Max(max, rms[i]);
        }
    }
}
