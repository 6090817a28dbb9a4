using System.Buffers;
using MathNet.Numerics.LinearAlgebra;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Errors of an unweighted least-squares Gaussian fit under the image's measured noise correlation
/// (docs/science.md, "Calibrated errors"): the covariance of the fitted parameters is
/// A⁻¹·B·A⁻¹ with A = JᵀJ and B = Jᵀ·C·J over the fitted pixels, J the model's derivatives and
/// C = (noise·s)²·c(pixel lag), s the measured noise scale of the RMS map. This is exact for the fit as made (linearised), whatever the noise's
/// correlation; Condon's formulae assume a fit weighted for beam-correlated noise over an untruncated Gaussian.
/// Only the parameters the fit left free get new errors; the others keep the given (Condon) values.
/// A fit at a held position reports its fitted peak, not TraP's bias-corrected one.
/// </summary>
public static class MeasuredNoiseErrors
{
    public static ErrorEstimates For(GaussianParameters fit, double flux, double[] xs, double[] ys, double noise,
        FixedParameters fixedParameters, NoiseCorrelation correlation, ErrorEstimates condon)
    {
        var free = GaussianFitter.FreeIndices(fixedParameters);
        var n = xs.Length;
        var k = free.Length;
        var jacobian = ArrayPool<double>.Shared.Rent(n * k); // row-major (pixel, free parameter)
        GaussianFitter.Jacobian(xs, ys, GaussianFitter.ToArray(fit), free, jacobian);
        var a = Matrix<double>.Build.Dense(k, k);
        var b = Matrix<double>.Build.Dense(k, k);
        using (var grid = new JacobianGrid(xs, ys, jacobian, k, correlation.Reach))
        {
            Span<double> correlated = stackalloc double[grid.Lanes]; // Σ_j c(i − j)·J_j
            for (var i = 0; i < n; i++)
            {
                grid.CorrelatedSum((int)xs[i], (int)ys[i], correlation.LagValues, correlated);
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
        }
        ArrayPool<double>.Shared.Return(jacobian);
        if (a.Determinant() <= 0) return condon;
        var inverse = a.Inverse();
        var sigma = noise * correlation.NoiseScale;
        var covariance = inverse * b * inverse * (sigma * sigma);

        double Error(Parameter parameter, double fallback) =>
            Array.IndexOf(free, (int)parameter) is var p and >= 0 ? Math.Sqrt(Math.Max(0, covariance[p, p])) : fallback;

        double Covariance(Parameter first, Parameter second) =>
            (Array.IndexOf(free, (int)first), Array.IndexOf(free, (int)second)) is (>= 0 and var p, >= 0 and var q) ? covariance[p, q] : 0;

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
            // TraP's P − noise²/P undoes the upward bias of a peak whose position the fit chose; a fit at a held
            // position (a forced fit) is linear in the peak and unbiased, so its fitted peak stands (docs/science.md §7.6).
            Peak = fixedParameters.HasFlag(FixedParameters.Position) ? fit.Peak : condon.Peak,
            PeakErr = Error(Parameter.Peak, condon.PeakErr),
            FluxErr = fluxErr,
            XErr = Error(Parameter.X, condon.XErr),
            YErr = Error(Parameter.Y, condon.YErr),
            SemiMajorErr = Error(Parameter.SemiMajor, condon.SemiMajorErr),
            SemiMinorErr = Error(Parameter.SemiMinor, condon.SemiMinorErr),
            ThetaErr = Math.Min(Math.PI, Error(Parameter.Theta, condon.ThetaErr)),
            XYCov = Covariance(Parameter.X, Parameter.Y),
        };
    }

    /// <summary>The parameters in <see cref="GaussianFitter.ToArray"/>'s order.</summary>
    private enum Parameter { Peak, X, Y, SemiMajor, SemiMinor, Theta }
}
