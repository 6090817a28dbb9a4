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
        var free = GaussianFitter.FreeIndices(fixedParameters);
        var n = xs.Length;
        var k = free.Length;
        var jacobian = new double[n * k]; // row-major (pixel, free parameter)
        GaussianFitter.Jacobian(xs, ys, GaussianFitter.ToArray(fit), free, jacobian);
        var a = Matrix<double>.Build.Dense(k, k);
        var b = Matrix<double>.Build.Dense(k, k);
        var pixels = new PixelLookup(xs, ys);
        Span<double> correlated = stackalloc double[k]; // Σ_j c(i − j)·J_j
        for (var i = 0; i < n; i++)
        {
            correlated.Clear();
            int xi = (int)xs[i], yi = (int)ys[i];
            for (var dy = -correlation.Reach; dy <= correlation.Reach; dy++)
            {
                for (var dx = -correlation.Reach; dx <= correlation.Reach; dx++)
                {
                    var c = correlation.At(dx, dy);
                    if (c == 0) continue;
                    var j = pixels.IndexOf(xi + dx, yi + dy);
                    if (j < 0) continue;
                    for (var q = 0; q < k; q++) correlated[q] += c * jacobian[j * k + q];
                }
            }
            for (var p = 0; p < k; p++)
            {
                var jp = jacobian[i * k + p];
                for (var q = 0; q < k; q++)
                {
                    a[p, q] += jp * jacobian[i * k + q];
                    b[p, q] += jp * correlated[q];
                }
            }
        }
        if (a.Determinant() <= 0) return condon;
        var inverse = a.Inverse();
        var sigma = noise * correlation.NoiseScale;
        var covariance = inverse * b * inverse * (sigma * sigma);

        double Error(Parameter parameter, double fallback) =>
            Array.IndexOf(free, (int)parameter) is var p and >= 0 ? Math.Sqrt(Math.Max(0, covariance[p, p])) : fallback;

        // f_int = P·smaj·smin / beam area: relative derivatives 1/P, 1/smaj, 1/smin.
        var gradient = Vector<double>.Build.Dense(k, p => (Parameter)free[p] switch
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

    /// <summary>The parameters in <see cref="GaussianFitter.ToArray"/>'s order.</summary>
    private enum Parameter { Peak, X, Y, SemiMajor, SemiMinor, Theta }

    /// <summary>Index of the fitted pixel at (x, y), −1 where none: a table over the pixels' bounding box.</summary>
    private readonly struct PixelLookup
    {
        private readonly int _x0, _y0, _width, _height;
        private readonly int[] _index;

        public PixelLookup(double[] xs, double[] ys)
        {
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = int.MinValue, y1 = int.MinValue;
            for (var i = 0; i < xs.Length; i++)
            {
                x0 = Math.Min(x0, (int)xs[i]);
                x1 = Math.Max(x1, (int)xs[i]);
                y0 = Math.Min(y0, (int)ys[i]);
                y1 = Math.Max(y1, (int)ys[i]);
            }
            (_x0, _y0, _width, _height) = (x0, y0, Math.Max(0, x1 - x0 + 1), Math.Max(0, y1 - y0 + 1));
            _index = new int[_width * _height];
            Array.Fill(_index, -1);
            for (var i = 0; i < xs.Length; i++) _index[((int)ys[i] - y0) * _width + (int)xs[i] - x0] = i;
        }

        public int IndexOf(int x, int y) =>
            (uint)(x - _x0) < (uint)_width && (uint)(y - _y0) < (uint)_height ? _index[(y - _y0) * _width + x - _x0] : -1;
    }
}
