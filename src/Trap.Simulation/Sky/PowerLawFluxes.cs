namespace Trap.Simulation.Sky;

/// <summary>
/// Fluxes drawn from integral source counts N(&gt;S) ∝ S^−α between <see cref="MinJy"/> and
/// <see cref="MaxJy"/> (α = 1.5 is the Euclidean slope), by inverting the truncated distribution.
/// </summary>
public sealed record PowerLawFluxes(double Alpha, double MinJy, double MaxJy)
{
    /// <summary>The flux for a uniform deviate u in [0, 1): u = 0 gives MinJy, u → 1 gives MaxJy.</summary>
    public double Sample(double u)
    {
        var tail = Math.Pow(MinJy / MaxJy, Alpha);
        return MinJy * Math.Pow(1.0 - u * (1.0 - tail), -1.0 / Alpha);
    }
}
