using MathNet.Numerics.Distributions;

namespace Trap.Science.Variability;

/// <summary>
/// TraP's per-band variability indices from running averages (docs/science.md §8.1), for one flux kind.
/// </summary>
public static class VariabilityIndices
{
    /// <summary>Below this |avg(I²) − avg(I)²| the light curve counts as flat (V = 0), as in TraP.</summary>
    public const double VarianceFloor = 8e-14;

    /// <summary>TraP divides by this instead of a mean flux that is exactly zero.</summary>
    public const double ZeroMeanSubstitute = 1e-6;

    /// <summary>
    /// V = sqrt(N/(N−1)·(avg(I²) − avg(I)²)) / avg(I): the unbiased sample standard deviation over
    /// the mean. 0 for N = 1 or a variance below the floor.
    /// </summary>
    public static double V(int n, double average, double averageSquare)
    {
        var variance = averageSquare - average * average;
        if (n <= 1 || Math.Abs(variance) < VarianceFloor) return 0.0;
        var mean = average == 0.0 ? ZeroMeanSubstitute : average;
        return Math.Sqrt(n / (n - 1.0) * Math.Max(0.0, variance)) / mean;
    }

    /// <summary>
    /// η = N/(N−1)·(avg(w·I²) − avg(w·I)²/avg(w)), w = 1/σ²: the weighted reduced χ² about the
    /// weighted mean. 0 for N = 1.
    /// </summary>
    public static double Eta(int n, double averageWeight, double averageWeighted, double averageWeightedSquare)
    {
        if (n <= 1) return 0.0;
        return n / (n - 1.0) * (averageWeightedSquare - averageWeighted * averageWeighted / averageWeight);
    }

    /// <summary>
    /// Probability that the source is not flat: 1 − Q_χ²(η·(N−1); N−1), the χ² CDF with N−1 degrees of
    /// freedom at η·(N−1) (TraP r1.x siglevel). 0 for N = 1.
    /// </summary>
    public static double EtaSignificance(int n, double eta)
    {
        if (n <= 1) return 0.0;
        var chiSquare = Math.Max(0.0, eta * (n - 1));
        return ChiSquared.CDF(n - 1, chiSquare);
    }

    /// <summary>
    /// A χ² on <paramref name="dof"/> degrees of freedom as the Gaussian σ of the same upper-tail probability,
    /// by Wilson–Hilferty: (χ²/ν)^⅓ is close to normal with mean 1 − 2/(9ν) and variance 2/(9ν) (within ~0.1σ
    /// for ν ≥ 3, and no tail integral that underflows for large χ²). 0 for ν &lt; 1 or χ² below its mean.
    /// </summary>
    public static double ChiSquareSigma(double chiSquare, int dof)
    {
        if (dof < 1) return 0.0;
        var spread = 2.0 / (9 * dof);
        return Math.Max(0.0, (Math.Cbrt(Math.Max(0.0, chiSquare) / dof) - (1 - spread)) / Math.Sqrt(spread));
    }
}
