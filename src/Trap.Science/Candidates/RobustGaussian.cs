namespace Trap.Science.Candidates;

/// <summary>
/// A Gaussian fitted robustly to a sample: centre = median, width = 1.4826 × median absolute deviation
/// (equal to σ for normal data, and unmoved by the few outliers we are looking for).
/// </summary>
public sealed record RobustGaussian(double Median, double Sigma, int Count)
{
    /// <summary>Scale from the MAD to σ of a normal distribution (1 / Φ⁻¹(3/4)).</summary>
    public const double MadToSigma = 1.482602218505602;

    public static RobustGaussian Fit(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("cannot fit a distribution to no values", nameof(values));
        var median = SampleStatistics.Median(values);
        var mad = SampleStatistics.Median(values.Select(v => Math.Abs(v - median)));
        return new RobustGaussian(median, MadToSigma * mad, values.Count);
    }

    /// <summary>How many sigmas <paramref name="value"/> lies above the median (+∞ for a zero width and a larger value).</summary>
    public double SigmasAbove(double value)
    {
        var excess = value - Median;
        if (Sigma > 0) return excess / Sigma;
        return excess > 0 ? double.PositiveInfinity : excess < 0 ? double.NegativeInfinity : 0.0;
    }
}
