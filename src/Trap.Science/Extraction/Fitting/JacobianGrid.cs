using System.Runtime.Intrinsics;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// The fit's derivatives laid out on the fitted pixels' bounding box, with zeros where no fitted
/// pixel is, <see cref="Lanes"/> (4 or 8) values per pixel. Then Σ_j c(i − j)·J_j over the fitted
/// pixels j is a dense sum of 4-wide vectors over the lags that stay inside the box, with no look-up
/// of which pixels were fitted. The grid is the thread's scratch, kept all zero between uses: disposing
/// zeroes the fitted pixels' values again, which is far less than clearing the whole box for each fit
/// when an island fills little of its box (docs/science.md, "Extraction performance"). One grid per
/// thread at a time.
/// </summary>
internal readonly ref struct JacobianGrid
{
    [ThreadStatic] private static double[]? _scratch;

    private readonly double[] _grid;
    private readonly ReadOnlySpan<double> _xs, _ys;
    private readonly int _x0, _y0, _width, _height, _reach;

    /// <param name="jacobian">Row-major (pixel, parameter), <paramref name="k"/> parameters per pixel.</param>
    public JacobianGrid(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> jacobian, int k, int reach)
    {
        Lanes = k <= 4 ? 4 : 8;
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = int.MinValue, y1 = int.MinValue;
        for (var i = 0; i < xs.Length; i++)
        {
            x0 = Math.Min(x0, (int)xs[i]);
            x1 = Math.Max(x1, (int)xs[i]);
            y0 = Math.Min(y0, (int)ys[i]);
            y1 = Math.Max(y1, (int)ys[i]);
        }
        (_x0, _y0, _width, _height, _reach) = (x0, y0, x1 - x0 + 1, y1 - y0 + 1, reach);
        _xs = xs;
        _ys = ys;
        var length = _width * _height * Lanes;
        if (_scratch is null || _scratch.Length < length) _scratch = new double[Math.Max(length, 2 * (_scratch?.Length ?? 0))];
        _grid = _scratch;
        for (var i = 0; i < xs.Length; i++) jacobian.Slice(i * k, k).CopyTo(_grid.AsSpan(Offset((int)xs[i], (int)ys[i])));
    }

    /// <summary>Values per grid pixel: the parameters, then zeros up to a whole number of 4-wide vectors.</summary>
    public int Lanes { get; }

    /// <summary>Σ over lags (dx, dy) within reach of c(dx, dy)·J(x + dx, y + dy), into <paramref name="sum"/> (<see cref="Lanes"/> long).</summary>
    /// <param name="lags">c row by row over (2·reach + 1)² lags, as <see cref="NoiseCorrelation"/> holds them.</param>
    public void CorrelatedSum(int x, int y, ReadOnlySpan<double> lags, Span<double> sum)
    {
        var side = 2 * _reach + 1;
        var low = Vector256<double>.Zero;
        var high = Vector256<double>.Zero;
        var grid = _grid.AsSpan();
        int bx = x - _x0, by = y - _y0;
        int dxFirst = Math.Max(0, _reach - bx), dxLast = Math.Min(side - 1, _reach + _width - 1 - bx);
        int dyFirst = Math.Max(0, _reach - by), dyLast = Math.Min(side - 1, _reach + _height - 1 - by);
        for (var dy = dyFirst; dy <= dyLast; dy++)
        {
            var row = Offset(x - _reach, y - _reach + dy);
            var weights = lags.Slice(dy * side, side);
            for (var dx = dxFirst; dx <= dxLast; dx++)
            {
                var c = weights[dx];
                if (c == 0) continue;
                var at = row + dx * Lanes;
                low += c * Vector256.Create(grid.Slice(at, 4));
                if (Lanes == 8) high += c * Vector256.Create(grid.Slice(at + 4, 4));
            }
        }
        low.CopyTo(sum);
        if (Lanes == 8) high.CopyTo(sum[4..]);
    }

    /// <summary>Zeroes the values written, so the scratch is all zero for the next grid.</summary>
    public void Dispose()
    {
        for (var i = 0; i < _xs.Length; i++) _grid.AsSpan(Offset((int)_xs[i], (int)_ys[i]), Lanes).Clear();
    }

    /// <summary>Index of pixel (x, y)'s first value; (x, y) may lie outside the box when only in-box lags are added to it.</summary>
    private int Offset(int x, int y) => ((y - _y0) * _width + x - _x0) * Lanes;
}
