namespace Trap.Science.Extraction.Background;

/// <summary>
/// Background and RMS over one small window of an image (a forced-fit box), with the same values as
/// <see cref="BackgroundMaps"/> at those pixels, bit for bit: masked pixels (extraction mask, outside
/// the useful box, or everything when the grid is fully masked) have RMS = +∞ and background 0.
/// Built from the node grid blind extraction kept (<see cref="FromGrid"/>), so forced photometry needs
/// neither a second grid estimate nor whole-image maps; or cut from whole-image maps.
/// </summary>
public sealed class BackgroundWindow
{
    private readonly float[] _background;
    private readonly float[] _rms;

    private BackgroundWindow(PixelBox window, float[] background, float[] rms)
    {
        Window = window;
        _background = background;
        _rms = rms;
    }

    public PixelBox Window { get; }

    public float Background(int x, int y) => _background[Index(x, y)];

    public float Rms(int x, int y) => _rms[Index(x, y)];

    public bool IsMasked(int x, int y) => float.IsPositiveInfinity(_rms[Index(x, y)]);

    /// <summary>The window cut from whole-image maps.</summary>
    public static BackgroundWindow FromMaps(BackgroundMaps maps, PixelBox window)
    {
        var (background, rms) = (new float[window.Width * window.Height], new float[window.Width * window.Height]);
        for (var wy = 0; wy < window.Height; wy++)
        {
            var from = (window.Y0 + wy) * maps.Width + window.X0;
            maps.Background.AsSpan(from, window.Width).CopyTo(background.AsSpan(wy * window.Width));
            maps.Rms.AsSpan(from, window.Width).CopyTo(rms.AsSpan(wy * window.Width));
        }
        return new BackgroundWindow(window, background, rms);
    }

    /// <summary>
    /// The window from the node grid and useful box blind extraction used (<see cref="BackgroundLayout"/>),
    /// with the extraction mask of the window's pixels (<paramref name="masked"/>, window-sized).
    /// </summary>
    public static BackgroundWindow FromGrid(BackgroundLayout layout, int backSizeX, int backSizeY, PixelBox window, ReadOnlySpan<bool> masked)
    {
        var background = new float[window.Width * window.Height];
        var rms = new float[window.Width * window.Height];
        rms.AsSpan().Fill(float.PositiveInfinity);
        var (grid, box) = (layout.Grid, layout.UsefulBox);
        if (grid is null || box.IsEmpty || grid.FullyMasked) return new BackgroundWindow(window, background, rms);

        var bgNodes = BackgroundMaps.FillMaskedNodes(grid, grid.Background);
        var rmsNodes = BackgroundMaps.FillMaskedNodes(grid, grid.Rms);
        var floor = (float)grid.MinRms();
        for (var wy = 0; wy < window.Height; wy++)
        {
            var q = window.Y0 + wy - box.Y0;
            if (q < 0 || q >= box.Height) continue;
            var (j0, j1, fy) = BackgroundMaps.NodePair(q, box.Height, backSizeY, grid.NodesY);
            for (var wx = 0; wx < window.Width; wx++)
            {
                var p = window.X0 + wx - box.X0;
                var i = wy * window.Width + wx;
                if (p < 0 || p >= box.Width || masked[i]) continue;
                var (i0, i1, fx) = BackgroundMaps.NodePair(p, box.Width, backSizeX, grid.NodesX);
                background[i] = Interpolate(bgNodes, grid.NodesX, i0, i1, fx, j0, j1, fy);
                rms[i] = Math.Max(Interpolate(rmsNodes, grid.NodesX, i0, i1, fx, j0, j1, fy), floor);
            }
        }
        return new BackgroundWindow(window, background, rms);
    }

    // The order of operations of BackgroundMaps' separable interpolation: along x on each node row, then along y.
    private static float Interpolate(float[] nodes, int nodesX, int i0, int i1, float fx, int j0, int j1, float fy)
    {
        var a = (1 - fx) * nodes[j0 * nodesX + i0] + fx * nodes[j0 * nodesX + i1];
        var b = (1 - fx) * nodes[j1 * nodesX + i0] + fx * nodes[j1 * nodesX + i1];
        return (1 - fy) * a + fy * b;
    }

    private int Index(int x, int y) => (y - Window.Y0) * Window.Width + x - Window.X0;
}

/// <summary>
/// What blind extraction's background maps were made from: the node grid (null when no pixel was
/// unmasked) and the useful box; with the noise correlation extraction measured, when it did.
/// </summary>
public sealed record BackgroundLayout(BackgroundGrid? Grid, PixelBox UsefulBox, Fitting.NoiseCorrelation? Correlation = null);
