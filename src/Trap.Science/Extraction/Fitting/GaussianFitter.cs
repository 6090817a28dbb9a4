using System.Buffers;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Unweighted least-squares fit of one elliptical Gaussian to the island's pixels (docs/science.md §4.7
/// step 2): Levenberg–Marquardt with the analytic Jacobian, MINPACK's tolerances xtol = ftol = 1e-4
/// and at most 200·(free + 1) model evaluations; failing to converge is a failure. When only the
/// peak is free the problem is linear and solved exactly. A fit allocates nothing: its pixel-sized
/// work arrays come from <see cref="ArrayPool{T}.Shared"/>, the rest lives on the stack
/// (docs/science.md, "Extraction performance").
/// </summary>
public static class GaussianFitter
{
    public const double Tolerance = 1e-4;

    private static readonly double TwoLn2 = 2 * Math.Log(2);

    /// <summary>Fits the pixels (xs, ys, data) starting from <paramref name="start"/>; false when the fit fails.</summary>
    public static bool TryFit(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> data,
        GaussianParameters start, FixedParameters fixedParameters, out GaussianParameters result)
    {
        result = start;
        var free = FreeIndices(fixedParameters);
        if (data.Length < free.Length) return false;
        if (free.Length == 1) return TryFitPeakOnly(xs, ys, data, start, out result);

        var k = free.Length;
        var m = data.Length;
        var work = ArrayPool<double>.Shared.Rent(m * (k + 2));
        try
        {
            Span<double> p = stackalloc double[6];
            CopyTo(start, p);
            if (!Minimise(xs, ys, data, p, free, work.AsSpan(0, m * k), work.AsSpan(m * k, m), work.AsSpan(m * (k + 1), m))) return false;
            result = FromArray(p);
            return result.IsFinite;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(work);
        }
    }

    /// <summary>
    /// The Levenberg–Marquardt iterations from <paramref name="p"/>, which ends at the minimum found;
    /// false when the fit fails. The three work spans hold the Jacobian and two residual vectors.
    /// </summary>
    private static bool Minimise(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> data, Span<double> p,
        int[] free, Span<double> jacobian, Span<double> residuals, Span<double> trial)
    {
        var k = free.Length;
        var m = data.Length;
        var sum = Residuals(xs, ys, data, p, residuals);
        if (!double.IsFinite(sum)) return false;
        var maxEvaluations = 200 * (k + 1);
        var evaluations = 1;
        var lambda = 1e-3;
        Span<double> a = stackalloc double[k * k];
        Span<double> g = stackalloc double[k];
        Span<double> step = stackalloc double[k];
        Span<double> trialP = stackalloc double[6];
        while (true)
        {
            Jacobian(xs, ys, p, free, jacobian);
            NormalEquations(jacobian, residuals, m, k, a, g);
            while (true)
            {
                if (!SolveDamped(a, g, lambda, k, step)) return false;
                p.CopyTo(trialP);
                for (var j = 0; j < k; j++) trialP[free[j]] += step[j];
                var trialSum = Residuals(xs, ys, data, trialP, trial);
                evaluations++;
                if (double.IsFinite(trialSum) && trialSum < sum)
                {
                    var predicted = PredictedSum(jacobian, residuals, step, m, k);
                    var actualReduction = sum > 0 ? (sum - trialSum) / sum : 0;
                    var predictedReduction = sum > 0 ? (sum - predicted) / sum : 0;
                    var stepSmall = ScaledNorm(step, a, k) <= Tolerance * ScaledNorm(p, free, a, k);
                    trialP.CopyTo(p);
                    trial.CopyTo(residuals);
                    sum = trialSum;
                    lambda = Math.Max(lambda * 0.1, 1e-12);
                    if ((actualReduction <= Tolerance && predictedReduction <= Tolerance) || stepSmall || sum == 0) return true;
                    break;
                }
                lambda *= 10;
                if (evaluations >= maxEvaluations) return false;
                // No step along any damping reduces the sum: the start is already a minimum.
                if (lambda > 1e16) return true;
            }
            if (evaluations >= maxEvaluations) return false;
        }
    }

    /// <summary>Least-squares peak for a Gaussian of fixed centre and shape: Σ d·g / Σ g².</summary>
    private static bool TryFitPeakOnly(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> data,
        GaussianParameters start, out GaussianParameters result)
    {
        var unit = start with { Peak = 1 };
        double dg = 0, gg = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var shape = unit.Evaluate(xs[i], ys[i]);
            dg += data[i] * shape;
            gg += shape * shape;
        }
        result = start with { Peak = dg / gg };
        return gg > 0 && double.IsFinite(result.Peak);
    }

    private static readonly int[] AllFree = [0, 1, 2, 3, 4, 5];
    private static readonly int[] PeakAndShapeFree = [0, 3, 4, 5];
    private static readonly int[] PeakAndPositionFree = [0, 1, 2];
    private static readonly int[] PeakFree = [0];

    /// <summary>Indices of the parameters a fit leaves free, in <see cref="ToArray"/>'s order (peak, x, y, smaj, smin, θ); shared arrays, not to be written.</summary>
    internal static int[] FreeIndices(FixedParameters fixedParameters) =>
        (fixedParameters.HasFlag(FixedParameters.Position), fixedParameters.HasFlag(FixedParameters.Shape)) switch
        {
            (false, false) => AllFree,
            (true, false) => PeakAndShapeFree,
            (false, true) => PeakAndPositionFree,
            (true, true) => PeakFree,
        };

    internal static double[] ToArray(GaussianParameters g)
    {
        var p = new double[6];
        CopyTo(g, p);
        return p;
    }

    private static void CopyTo(GaussianParameters g, Span<double> p)
    {
        (p[0], p[1], p[2], p[3], p[4], p[5]) = (g.Peak, g.X, g.Y, g.SemiMajor, g.SemiMinor, g.Theta);
    }

    private static GaussianParameters FromArray(ReadOnlySpan<double> p) => new(p[0], p[1], p[2], p[3], p[4], p[5]);

    /// <summary>residual = model − data; returns Σ residual².</summary>
    private static double Residuals(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> data,
        ReadOnlySpan<double> p, Span<double> residuals)
    {
        var model = FromArray(p);
        var sum = 0.0;
        for (var i = 0; i < data.Length; i++)
        {
            var r = model.Evaluate(xs[i], ys[i]) - data[i];
            residuals[i] = r;
            sum += r * r;
        }
        return sum;
    }

    /// <summary>∂model/∂(free parameters) at every pixel, row-major (pixel, parameter).</summary>
    internal static void Jacobian(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> p, int[] free, Span<double> jacobian)
    {
        double peak = p[0], x0 = p[1], y0 = p[2], smaj = p[3], smin = p[4];
        var (sin, cos) = Math.SinCos(p[5]);
        double smaj2 = smaj * smaj, smin2 = smin * smin;
        Span<double> d = stackalloc double[6];
        var k = free.Length;
        for (var i = 0; i < xs.Length; i++)
        {
            double dx = xs[i] - x0, dy = ys[i] - y0;
            var u = cos * dx + sin * dy;
            var v = cos * dy - sin * dx;
            var e = Math.Exp(-Math.Log(2) * (u * u / smin2 + v * v / smaj2));
            var g = peak * e;
            d[0] = e;
            d[1] = g * TwoLn2 * (u * cos / smin2 - v * sin / smaj2);
            d[2] = g * TwoLn2 * (u * sin / smin2 + v * cos / smaj2);
            d[3] = g * TwoLn2 * v * v / (smaj2 * smaj);
            d[4] = g * TwoLn2 * u * u / (smin2 * smin);
            d[5] = -g * TwoLn2 * u * v * (1 / smin2 - 1 / smaj2);
            for (var j = 0; j < k; j++) jacobian[i * k + j] = d[free[j]];
        }
    }

    private static void NormalEquations(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> residuals, int m, int k, Span<double> a, Span<double> g)
    {
        a.Clear();
        g.Clear();
        for (var i = 0; i < m; i++)
        {
            var row = jacobian.Slice(i * k, k);
            for (var r = 0; r < k; r++)
            {
                g[r] += row[r] * residuals[i];
                for (var c = 0; c <= r; c++) a[r * k + c] += row[r] * row[c];
            }
        }
        for (var r = 0; r < k; r++)
        {
            for (var c = r + 1; c < k; c++) a[r * k + c] = a[c * k + r];
        }
    }

    /// <summary>Solves (A + λ·diag A)·δ = −g by Cholesky; false when not positive definite.</summary>
    private static bool SolveDamped(ReadOnlySpan<double> a, ReadOnlySpan<double> g, double lambda, int k, Span<double> step)
    {
        Span<double> l = stackalloc double[k * k];
        var maxDiag = 0.0;
        for (var r = 0; r < k; r++) maxDiag = Math.Max(maxDiag, a[r * k + r]);
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c <= r; c++)
            {
                var s = a[r * k + c];
                if (r == c) s += lambda * Math.Max(a[r * k + r], 1e-12 * maxDiag);
                for (var q = 0; q < c; q++) s -= l[r * k + q] * l[c * k + q];
                if (r == c)
                {
                    if (!(s > 0)) return false;
                    l[r * k + r] = Math.Sqrt(s);
                }
                else
                {
                    l[r * k + c] = s / l[c * k + c];
                }
            }
        }
        for (var r = 0; r < k; r++)
        {
            var s = -g[r];
            for (var q = 0; q < r; q++) s -= l[r * k + q] * step[q];
            step[r] = s / l[r * k + r];
        }
        for (var r = k - 1; r >= 0; r--)
        {
            var s = step[r];
            for (var q = r + 1; q < k; q++) s -= l[q * k + r] * step[q];
            step[r] = s / l[r * k + r];
        }
        return true;
    }

    /// <summary>|r + J·δ|²: the sum the linearised model predicts for the step.</summary>
    private static double PredictedSum(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> residuals, ReadOnlySpan<double> step, int m, int k)
    {
        var sum = 0.0;
        for (var i = 0; i < m; i++)
        {
            var r = residuals[i];
            for (var j = 0; j < k; j++) r += jacobian[i * k + j] * step[j];
            sum += r * r;
        }
        return sum;
    }

    /// <summary>‖D·δ‖ with D = sqrt(diag JᵀJ), MINPACK's scaling.</summary>
    private static double ScaledNorm(ReadOnlySpan<double> step, ReadOnlySpan<double> a, int k)
    {
        var sum = 0.0;
        for (var j = 0; j < k; j++) sum += a[j * k + j] * step[j] * step[j];
        return Math.Sqrt(sum);
    }

    private static double ScaledNorm(ReadOnlySpan<double> p, int[] free, ReadOnlySpan<double> a, int k)
    {
        var sum = 0.0;
        for (var j = 0; j < k; j++) sum += a[j * k + j] * p[free[j]] * p[free[j]];
        return Math.Sqrt(sum);
    }
}
