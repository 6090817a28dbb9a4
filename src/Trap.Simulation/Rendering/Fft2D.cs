using System.Numerics;
using System.Runtime.InteropServices;

namespace Trap.Simulation.Rendering;

/// <summary>
/// Unscaled inverse 2-D FFTs (exponent sign +), radix-2, sides powers of two. Complex grids are held
/// as separate real and imaginary row-major arrays. Rows are transformed one by one; columns all at
/// once by running the butterflies over whole rows, which keeps memory access contiguous and lets the
/// CPU's vector units do the arithmetic.
/// </summary>
internal static class Fft2D
{
    /// <summary>
    /// Inverse transform of a Hermitian spectrum to a real nx × ny grid. Only the columns kx = 0 … nx/2
    /// are given (arrays of ny rows × (nx/2 + 1), overwritten); the rest follow from Hermitian symmetry.
    /// Each row is finished with one complex FFT of half the length (even samples in the real part, odd
    /// samples in the imaginary part), so the work is half that of a complex transform.
    /// </summary>
    public static void InverseHermitianToReal(double[] re, double[] im, int nx, int ny, Span<double> output)
    {
        if (!IsPowerOfTwo(nx) || !IsPowerOfTwo(ny) || nx < 2) throw new ArgumentException($"FFT sides must be powers of two (nx ≥ 2), got {nx}x{ny}.");
        var width = nx / 2 + 1;
        TransformColumns(re, im, width, ny);
        var half = nx / 2;
        var (rotCos, rotSin) = Twiddles(nx);
        var (halfCos, halfSin) = Twiddles(half);
        var zr = new double[half];
        var zi = new double[half];
        for (var y = 0; y < ny; y++)
        {
            var xr = re.AsSpan(y * width, width);
            var xi = im.AsSpan(y * width, width);
            for (var k = 0; k < half; k++)
            {
                // X[k + nx/2] = conj(X[nx/2 − k]) by Hermitian symmetry.
                var mr = xr[half - k];
                var mi = -xi[half - k];
                var er = xr[k] + mr;
                var ei = xi[k] + mi;
                var dr = xr[k] - mr;
                var di = xi[k] - mi;
                var or = dr * rotCos[k] - di * rotSin[k];
                var oi = dr * rotSin[k] + di * rotCos[k];
                zr[k] = er - oi;
                zi[k] = ei + or;
            }
            Transform1D(zr, zi, halfCos, halfSin);
            var row = output.Slice(y * nx, nx);
            for (var m = 0; m < half; m++)
            {
                row[2 * m] = zr[m];
                row[2 * m + 1] = zi[m];
            }
        }
    }

    public static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    public static int NextPowerOfTwo(int n)
    {
        var p = 1;
        while (p < n) p <<= 1;
        return p;
    }

    /// <summary>cos and sin of 2πj/n for j &lt; n/2 (sign + : inverse transform).</summary>
    private static (double[] Cos, double[] Sin) Twiddles(int n)
    {
        var cos = new double[Math.Max(1, n / 2)];
        var sin = new double[cos.Length];
        for (var j = 0; j < n / 2; j++)
        {
            (sin[j], cos[j]) = Math.SinCos(2.0 * Math.PI * j / n);
        }
        return (cos, sin);
    }

    private static void Transform1D(Span<double> re, Span<double> im, double[] cos, double[] sin)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        for (var size = 2; size <= n; size <<= 1)
        {
            var half = size >> 1;
            var step = n / size;
            for (var start = 0; start < n; start += size)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = cos[k * step];
                    var wi = sin[k * step];
                    var a = start + k;
                    var b = a + half;
                    var tr = wr * re[b] - wi * im[b];
                    var ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    private static void TransformColumns(double[] re, double[] im, int nx, int ny)
    {
        var (cos, sin) = Twiddles(ny);
        for (int i = 1, j = 0; i < ny; i++)
        {
            var bit = ny >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j)
            {
                SwapRows(re, i, j, nx);
                SwapRows(im, i, j, nx);
            }
        }
        for (var size = 2; size <= ny; size <<= 1)
        {
            var half = size >> 1;
            var step = ny / size;
            for (var start = 0; start < ny; start += size)
            {
                for (var k = 0; k < half; k++)
                {
                    var a = (start + k) * nx;
                    var b = a + half * nx;
                    RowButterfly(re.AsSpan(a, nx), im.AsSpan(a, nx), re.AsSpan(b, nx), im.AsSpan(b, nx), cos[k * step], sin[k * step]);
                }
            }
        }
    }

    private static void SwapRows(double[] data, int i, int j, int nx)
    {
        var a = data.AsSpan(i * nx, nx);
        var b = data.AsSpan(j * nx, nx);
        for (var x = 0; x < nx; x++) (a[x], b[x]) = (b[x], a[x]);
    }

    /// <summary>(a, b) ← (a + w·b, a − w·b) elementwise over two rows.</summary>
    private static void RowButterfly(Span<double> ar, Span<double> ai, Span<double> br, Span<double> bi, double wr, double wi)
    {
        var n = ar.Length;
        var x = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vecAr = MemoryMarshal.Cast<double, Vector<double>>(ar);
            var vecAi = MemoryMarshal.Cast<double, Vector<double>>(ai);
            var vecBr = MemoryMarshal.Cast<double, Vector<double>>(br);
            var vecBi = MemoryMarshal.Cast<double, Vector<double>>(bi);
            var vwr = new Vector<double>(wr);
            var vwi = new Vector<double>(wi);
            for (var v = 0; v < vecAr.Length; v++)
            {
                var tr = vwr * vecBr[v] - vwi * vecBi[v];
                var ti = vwr * vecBi[v] + vwi * vecBr[v];
                vecBr[v] = vecAr[v] - tr;
                vecBi[v] = vecAi[v] - ti;
                vecAr[v] += tr;
                vecAi[v] += ti;
            }
            x = vecAr.Length * Vector<double>.Count;
        }
        for (; x < n; x++)
        {
            var tr = wr * br[x] - wi * bi[x];
            var ti = wr * bi[x] + wi * br[x];
            br[x] = ar[x] - tr;
            bi[x] = ai[x] - ti;
            ar[x] += tr;
            ai[x] += ti;
        }
    }
}
