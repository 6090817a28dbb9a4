namespace Trap.Science.Candidates;

/// <summary>
/// The selection verdict for one source in one band.
/// </summary>
/// <param name="EtaSigmas">log10 η in robust sigmas above the band's median (NaN when the band had no fit
/// or the source has η = 0); likewise <paramref name="VSigmas"/>.</param>
public sealed record BandSelection(BandMetrics Metrics, SelectionReasons Reasons, double EtaSigmas, double VSigmas)
{
    public bool Selected => Reasons != SelectionReasons.None;

    /// <summary>The backward forced fits of a new source combined (null when none were made or none could be fitted).</summary>
    public BackwardFlux? Backward { get; init; }

    /// <summary>How many σ the trigger flux lies above <see cref="Backward"/> (NaN when it is null).</summary>
    public double BackwardSigmas { get; init; } = double.NaN;
}
