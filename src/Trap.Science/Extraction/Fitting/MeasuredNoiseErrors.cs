using MathNet.Numerics.LinearAlgebra;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Errors of an unweighted least-squares Gaussian fit under the image's measured noise correlation
/// (docs/science.md, "Calibrated errors"): the covariance of the fitted parameters is
/// A⁻¹·B·A⁻¹ with A = JᵀJ and B = Jᵀ·C·J over the fitted pixels, J the model's derivatives and
/// C = (noise·s)²·c(pixel lag), s the measured noise scale of the RMS map. This is exact for the fit as made (linearised), whatever the noise's
/// correlation; Condon's formulae assume a fit weighted for beam-correlated noise over an untruncated Gaussian.
/// Only the parameters the fit left free get new errors; the others keep the given (Condon) values.
/// </summary>
public static class MeasuredNoiseErrors
{
    public static ErrorEstimates For(GaussianParameters fit, double flux, double[] xs, double[] ys, double noise,
        FixedParameters fixedParameters, NoiseCorrelation correlation, ErrorEstimates condon)
    {
        var free = FreeParameters(fixedParameters);
        var n = xs.Length;
        var k = free.Count;
        var jacobian = new double[n, k];
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < k; p++) jacobian[i, p] = Derivative(fit, free[p], xs[i], ys[i]);
        }
        var a = Matrix<double>.Build.Dense(k, k);
        var b = Matrix<double>.Build.Dense(k, k);
        var index = PixelIndex(xs, ys);
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < k; p++)
            {
                for (var q = 0; q < k; q++) a[p, q] += jacobian[i, p] * jacobian[i, q];
            }
            for (var dy = -correlation.Reach; dy <= correlation.Reach; dy++)
            {
                for (var dx = -correlation.Reach; dx <= correlation.Reach; dx++)
                {
                    var c = correlation.At(dx, dy);
                    if (c == 0 || !index.TryGetValue(((int)xs[i] + dx, (int)ys[i] + dy), out var j)) continue;
                    for (var p = 0; p < k; p++)
                    {
                        for (var q = 0; q < k; q++) b[p, q] += c * jacobian[i, p] * jacobian[j, q];
                    }
                }
            }
        }
        if (a.Determinant() <= 0) return condon;
        var inverse = a.Inverse();
        var sigma = noise * correlation.NoiseScale;
        var covariance = inverse * b * inverse * (sigma * sigma);

        double Variance(Parameter parameter) => free.IndexOf(parameter) is var p and >= 0 ? covariance[p, p] : double.NaN;
        double Error(Parameter parameter, double fallback) => free.Contains(parameter) ? Math.Sqrt(Math.Max(0, Variance(parameter))) : fallback;

        // f_int = P·smaj·smin / beam area: relative derivatives 1/P, 1/smaj, 1/smin.
        var gradient = Vector<double>.Build.Dense(k, p => free[p] switch
        {
            Parameter.Peak => flux / fit.Peak,
            Parameter.SemiMajor => flux / fit.SemiMajor,
            Parameter.SemiMinor => flux / fit.SemiMinor,
            _ => 0,
        });
        var fluxErr = Math.Sqrt(Math.Max(0, gradient * covariance * gradient));
        return condon with
        {
            PeakErr = Error(Parameter.Peak, condon.PeakErr),
            FluxErr = fluxErr,
            XErr = Error(Parameter.X, condon.XErr),
            YErr = Error(Parameter.Y, condon.YErr),
            SemiMajorErr = Error(Parameter.SemiMajor, condon.SemiMajorErr),
            SemiMinorErr = Error(Parameter.SemiMinor, condon.SemiMinorErr),
            ThetaErr = Math.Min(Math.PI, Error(Parameter.Theta, condon.ThetaErr)),
        };
    }

    private enum Parameter { Peak, X, Y, SemiMajor, SemiMinor, Theta }

    private static List<Parameter> FreeParameters(FixedParameters fixedParameters)
    {
        var free = new List<Parameter> { Parameter.Peak };
        if (!fixedParameters.HasFlag(FixedParameters.Position)) free.AddRange(new[] { Parameter.X, Parameter.Y });
        if (!fixedParameters.HasFlag(FixedParameters.Shape)) free.AddRange(new[] { Parameter.SemiMajor, Parameter.SemiMinor, Parameter.Theta });
        return free;
    }

    /// <summary>∂G/∂parameter at (x, y), by central differences (steps far below any error).</summary>
    private static double Derivative(GaussianParameters g, Parameter parameter, double x, double y)
    {
        if (parameter == Parameter.Peak) return g.Evaluate(x, y) / g.Peak;
        const double h = 1e-5;
        var (plus, minus) = parameter switch
        {
            Parameter.X => (g with { X = g.X + h }, g with { X = g.X - h }),
            Parameter.Y => (g with { Y = g.Y + h }, g with { Y = g.Y - h }),
            Parameter.SemiMajor => (g with { SemiMajor = g.SemiMajor + h }, g with { SemiMajor = g.SemiMajor - h }),
            Parameter.SemiMinor => (g with { SemiMinor = g.SemiMinor + h }, g with { SemiMinor = g.SemiMinor - h }),
            _ => (g with { Theta = g.Theta + h }, g with { Theta = g.Theta - h }),
        };
        return (plus.Evaluate(x, y) - minus.Evaluate(x, y)) / (2 * h);
    }

    private static Dictionary<(int X, int Y), int> PixelIndex(double[] xs, double[] ys)
    {
        var index = new Dictionary<(int, int), int>(xs.Length);
        for (var i = 0; i < xs.Length; i++) index[((int)xs[i], (int)ys[i])] = i;
        return index;
    }
}
