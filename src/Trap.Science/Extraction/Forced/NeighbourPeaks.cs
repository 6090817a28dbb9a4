using System.Buffers;
using MathNet.Numerics.LinearAlgebra;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Extraction.Forced;

/// <summary>
/// The joint forced fit of a position and its neighbours (docs/science.md §7.5): beam-shaped Gaussians
/// at fixed centres, their peaks the linear unweighted least-squares solution over the fit box, and
/// how much the neighbours widen the target's peak error — the ratio of its variance in the joint fit,
/// (A⁻¹·B·A⁻¹)₀₀ with A = GᵀG and B = Gᵀ·C·G (G the unit-peak models at the box pixels, C the noise
/// correlation; white noise without one), to its variance fitted alone, B₀₀/A₀₀².
/// </summary>
internal static class NeighbourPeaks
{
    /// <summary>Most Gaussians in one joint fit (the target and its nearest neighbours): the lanes of <see cref="JacobianGrid"/>.</summary>
    public const int MaxModels = 8;

    /// <summary>
    /// The fitted peaks of the neighbours (centres[1..]) and the target's variance ratio, or null when
    /// the system is singular (a neighbour's model indistinguishable from the others' on these pixels).
    /// </summary>
    /// <param name="centres">Pixel centres, the target first; at most <see cref="MaxModels"/>.</param>
    public static (double[] NeighbourPeaks, double VarianceRatio)? Solve(double[] xs, double[] ys, double[] data, BeamShape beam,
        IReadOnlyList<(double X, double Y)> centres, NoiseCorrelation? correlation)
    {
        var k = centres.Count;
        var n = xs.Length;
        var models = ArrayPool<double>.Shared.Rent(n * k); // row-major (pixel, model)
        try
        {
            for (var c = 0; c < k; c++)
            {
                var g = new GaussianParameters(1, centres[c].X, centres[c].Y, beam.SemiMajor, beam.SemiMinor, beam.Theta);
                for (var i = 0; i < n; i++) models[i * k + c] = g.Evaluate(xs[i], ys[i]);
            }
            var a = Matrix<double>.Build.Dense(k, k);
            var b = Matrix<double>.Build.Dense(k, k);
            var rhs = Vector<double>.Build.Dense(k);
            for (var i = 0; i < n; i++)
            {
                for (var p = 0; p < k; p++)
                {
                    var gp = models[i * k + p];
                    rhs[p] += gp * data[i];
                    for (var q = 0; q < k; q++) a[p, q] += gp * models[i * k + q];
                }
            }
            if (correlation is null) b = a.Clone();
            else
            {
                using var grid = new JacobianGrid(xs, ys, models.AsSpan(0, n * k), k, correlation.Reach);
                Span<double> correlated = stackalloc double[grid.Lanes];
                for (var i = 0; i < n; i++)
                {
                    grid.CorrelatedSum((int)xs[i], (int)ys[i], correlation.LagValues, correlated);
                    for (var p = 0; p < k; p++)
                    {
                        for (var q = 0; q < k; q++) b[p, q] += models[i * k + p] * correlated[q];
                    }
                }
            }
            // A is a Gram matrix: positive definite unless two models coincide on these pixels.
            if (a.Determinant() <= 1e-12 * Math.Pow(a.Diagonal().Maximum(), k)) return null;
            var inverse = a.Inverse();
            var peaks = inverse * rhs;
            var joint = (inverse * b * inverse)[0, 0];
            var alone = b[0, 0] / (a[0, 0] * a[0, 0]);
            if (!(joint > 0) || !(alone > 0) || !peaks.ForAll(double.IsFinite)) return null;
            return (peaks.SubVector(1, k - 1).ToArray(), joint / alone);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(models);
        }
    }
}
