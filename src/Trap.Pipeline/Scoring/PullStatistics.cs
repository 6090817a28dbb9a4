namespace Trap.Pipeline.Scoring;

/// <summary>
/// Mean and spread of pulls (measured − true) / quoted error, which are N(0, 1) when errors are
/// calibrated. <see cref="Std"/> is the sample standard deviation; <see cref="RobustStd"/> is
/// 1.4826 × the median absolute deviation, which a few wild fits cannot move.
/// </summary>
public readonly record struct PullStatistics(int Count, double Mean, double Std, double RobustStd)
{
    public static PullStatistics Of(IEnumerable<double> pulls)
    {
        var values = pulls.Where(double.IsFinite).ToArray();
        if (values.Length < 2) return new PullStatistics(values.Length, double.NaN, double.NaN, double.NaN);
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(p => (p - mean) * (p - mean)) / (values.Length - 1));
        var median = Median(values);
        var mad = Median(values.Select(p => Math.Abs(p - median)).ToArray());
        return new PullStatistics(values.Length, mean, std, 1.4826 * mad);
    }

    /// <summary>Median of the values; NaN when there are none.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
