using MathNet.Numerics.LinearAlgebra;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

/// <summary>
/// Errors of the fit as made under a given noise correlation (docs/science.md, "Calibrated errors"):
/// Cov = A⁻¹·B·A⁻¹·(noise·s)², against closed forms for white noise and for noise equal at every
/// pixel of the island (c = 1 at every lag), computed here from numerical derivatives.
/// </summary>
public class MeasuredNoiseErrorsTests
{
    private const double Noise = 0.5;
    private static readonly GaussianParameters Fit = new(2, 20.3, 30.6, 2, 1.5, 0.3);
    private static readonly ErrorEstimates Condon = new(2, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7);

    /// <summary>A 9 × 9 island about the fit's centre.</summary>
    private static (double[] Xs, double[] Ys) Island()
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var y = 26; y <= 34; y++)
        {
            for (var x = 16; x <= 24; x++)
            {
                xs.Add(x);
                ys.Add(y);
            }
        }
        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>c = 1 at every lag out to 8 px: the noise is one value shared by every pixel of the island.</summary>
    private static readonly NoiseCorrelation Shared = NoiseCorrelation.Of(8, Enumerable.Repeat(1.0, 17 * 17).ToArray(), 2);

    [Fact]
    public void PeakOnlyFitsGiveTheLinearFormulae()
    {
        var (xs, ys) = Island();
        var e = xs.Select((x, i) => Fit.Evaluate(x, ys[i]) / Fit.Peak).ToArray();
        double sumE = e.Sum(), sumE2 = e.Sum(v => v * v);
        const FixedParameters fixedAll = FixedParameters.Position | FixedParameters.Shape;

        var white = MeasuredNoiseErrors.For(Fit, 3, xs, ys, Noise, fixedAll, NoiseCorrelation.White, Condon);
        Assert.Equal(Noise / Math.Sqrt(sumE2), white.PeakErr, 12);
        // Fixed parameters keep the given errors.
        Assert.Equal(Condon.XErr, white.XErr);
        Assert.Equal(Condon.ThetaErr, white.ThetaErr);

        // P̂ = Σ e·d / Σ e², and a shared noise value n moves it by n·Σe/Σe²; s = 2 doubles the noise.
        var shared = MeasuredNoiseErrors.For(Fit, 3, xs, ys, Noise, fixedAll, Shared, Condon);
        Assert.Equal(2 * Noise * sumE / sumE2, shared.PeakErr, 12);
    }

    [Fact]
    public void FreeFitsUnderSharedNoiseFollowTheRegressionOfAConstant()
    {
        var (xs, ys) = Island();
        // J from central differences (the code under test uses the analytic Jacobian).
        var jacobian = Matrix<double>.Build.Dense(xs.Length, 6, (i, p) => Derivative(p, xs[i], ys[i]));
        var a = jacobian.TransposeThisAndMultiply(jacobian);
        var s = jacobian.TransposeThisAndMultiply(Vector<double>.Build.Dense(xs.Length, 1.0));
        // B = s·sᵀ, so Cov = (A⁻¹s)(A⁻¹s)ᵀ·(2·noise)².
        var coefficients = a.Solve(s);

        var errors = MeasuredNoiseErrors.For(Fit, 3, xs, ys, Noise, FixedParameters.None, Shared, Condon);
        var got = new[] { errors.PeakErr, errors.XErr, errors.YErr, errors.SemiMajorErr, errors.SemiMinorErr };
        for (var p = 0; p < got.Length; p++)
        {
            Assert.Equal(2 * Noise * Math.Abs(coefficients[p]), got[p], 1e-6 * (1 + got[p]));
        }
        // The position's covariance, which the sky step carries through the WCS (docs/science.md §4.10).
        var xyCov = 4 * Noise * Noise * coefficients[1] * coefficients[2];
        Assert.Equal(xyCov, errors.XYCov, 1e-6 * Math.Abs(xyCov));
        Assert.NotEqual(0, xyCov, 1e-6);
        // f_int = P·smaj·smin/beam: its gradient is f_int·(1/P, 1/smaj, 1/smin).
        var flux = 2 * Noise * Math.Abs(3 * (coefficients[0] / Fit.Peak + coefficients[3] / Fit.SemiMajor + coefficients[4] / Fit.SemiMinor));
        Assert.Equal(flux, errors.FluxErr, 1e-6 * flux);
    }

    private static double Derivative(int parameter, double x, double y)
    {
        const double h = 1e-6;
        var p = new[] { Fit.Peak, Fit.X, Fit.Y, Fit.SemiMajor, Fit.SemiMinor, Fit.Theta };
        double At(double delta)
        {
            var q = (double[])p.Clone();
            q[parameter] += delta;
            return new GaussianParameters(q[0], q[1], q[2], q[3], q[4], q[5]).Evaluate(x, y);
        }
        return (At(h) - At(-h)) / (2 * h);
    }
}
