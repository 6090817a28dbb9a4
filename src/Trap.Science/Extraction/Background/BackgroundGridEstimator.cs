using System.Buffers;
using System.Numerics;

namespace Trap.Science.Extraction.Background;

/// <summary>
/// Per-cell background and RMS (docs/science.md §4.3): the useful box is cut into back_size cells from its
/// first row and column (edge cells may be smaller); each cell is kappa-sigma clipped (κ = 2); RMS node
/// = the bias-corrected σ, background node = the SExtractor mode 2.5·median − 1.5·mean unless the
/// sample is skewed (|mean − median|/σ ≥ 0.3), then the median. All-zero cells and σ = 0 are masked.
/// </summary>
public static class BackgroundGridEstimator
{
    /// <summary>Pearson skewness above which the median replaces the mode estimate.</summary>
    public const double SkewLimit = 0.3;

    /// <summary>
    /// Estimates the grid over the box [x0, x0+boxW) × [y0, y0+boxH). Pixel values are used raw, even
    /// where the circle mask covers them inside the box (as TraP); NaN pixels are left out.
    /// </summary>
    public static BackgroundGrid Estimate(ReadOnlySpan<float> pixels, int width, PixelBox box, int backSizeX, int backSizeY)
    {
        var nodesX = (box.Width + backSizeX - 1) / backSizeX;
        var nodesY = (box.Height + backSizeY - 1) / backSizeY;
        var background = new double[nodesX * nodesY];
        var rms = new double[nodesX * nodesY];
        var cellMax = backSizeX * backSizeY;
        var sample = ArrayPool<float>.Shared.Rent(cellMax);
        var scratchA = ArrayPool<uint>.Shared.Rent(cellMax);
        var scratchB = ArrayPool<uint>.Shared.Rent(cellMax);
        for (var j = 0; j < nodesY; j++)
        {
            var cy0 = box.Y0 + j * backSizeY;
            var cy1 = Math.Min(cy0 + backSizeY, box.Y0 + box.Height);
            for (var i = 0; i < nodesX; i++)
            {
                var cx0 = box.X0 + i * backSizeX;
                var cx1 = Math.Min(cx0 + backSizeX, box.X0 + box.Width);
                var n = 0;
                for (var y = cy0; y < cy1; y++)
                {
                    pixels.Slice(y * width + cx0, cx1 - cx0).CopyTo(sample.AsSpan(n));
                    n += cx1 - cx0;
                }
                n = DropNaN(sample.AsSpan(0, n));
                var anyNonZero = HasNonZero(sample.AsSpan(0, n));
                var node = j * nodesX + i;
                (background[node], rms[node]) = anyNonZero
                    ? NodeValues(sample.AsSpan(0, n), scratchA, scratchB)
                    : (double.NaN, double.NaN);
            }
        }
        ArrayPool<float>.Shared.Return(sample);
        ArrayPool<uint>.Shared.Return(scratchA);
        ArrayPool<uint>.Shared.Return(scratchB);
        return new BackgroundGrid(nodesX, nodesY, background, rms);
    }

    /// <summary>Background and RMS of one cell's sample (sorted in place); NaN, NaN when the node is masked.</summary>
    public static (double Background, double Rms) NodeValues(Span<float> sample, Span<uint> scratchA, Span<uint> scratchB)
    {
        FloatRadixSort.Sort(sample, scratchA, scratchB);
        var clip = SigmaClipper.Clip(sample);
        var kept = sample.Slice(clip.Start, clip.Count);
        if (clip.Count == 0 || clip.Sigma == 0 || !HasNonZero(kept)) return (double.NaN, double.NaN);
        var mode = Math.Abs(clip.Mean - clip.Median) / clip.Sigma >= SkewLimit
            ? clip.Median
            : 2.5 * clip.Median - 1.5 * clip.Mean;
        return (mode, clip.Sigma);
    }

    private static bool HasNonZero(ReadOnlySpan<float> values)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                if (!Vector.EqualsAll(new Vector<float>(values[i..]), Vector<float>.Zero)) return true;
            }
        }
        for (; i < values.Length; i++)
        {
            if (values[i] != 0) return true;
        }
        return false;
    }

    /// <summary>Moves the non-NaN values to the front and returns their count.</summary>
    private static int DropNaN(Span<float> values)
    {
        var first = NaNSearch.IndexOfNaN(values);
        if (first < 0) return values.Length;
        var n = first;
        for (var i = first + 1; i < values.Length; i++)
        {
            if (!float.IsNaN(values[i])) values[n++] = values[i];
        }
        return n;
    }
}
