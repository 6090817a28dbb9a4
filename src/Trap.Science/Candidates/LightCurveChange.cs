namespace Trap.Science.Candidates;

/// <summary>
/// How significantly a candidate's flux changed, from its whole light curve against the measured
/// errors (docs/science.md, "Candidate score"): the χ² of a constant (the weighted mean) over the
/// band's points and, for a new source, the weighted mean of its backward forced fits as one point
/// more, turned into the Gaussian σ of the same tail probability (Wilson–Hilferty).
/// </summary>
public static class LightCurveChange
{
    /// <summary>The change significance in σ; 0 for fewer than two usable points or no change beyond the errors.</summary>
    public static double Sigma(IEnumerable<(double FluxJy, double ErrJy)> points)
    {
        var usable = points.Where(p => double.IsFinite(p.FluxJy) && p.ErrJy > 0 && double.IsFinite(p.ErrJy)).ToList();
        if (usable.Count < 2) return 0.0;
        var weights = usable.Sum(p => 1 / (p.ErrJy * p.ErrJy));
        var mean = usable.Sum(p => p.FluxJy / (p.ErrJy * p.ErrJy)) / weights;
        var chiSquare = usable.Sum(p => Math.Pow((p.FluxJy - mean) / p.ErrJy, 2));
        return Variability.VariabilityIndices.ChiSquareSigma(chiSquare, usable.Count - 1);
    }

    /// <summary>The candidate score σ/(σ + <paramref name="halfScoreSigma"/>): 0.5 at that significance, rising towards 1.</summary>
    public static double Score(double sigma, double halfScoreSigma) => sigma <= 0 ? 0.0 : sigma / (sigma + halfScoreSigma);
}
