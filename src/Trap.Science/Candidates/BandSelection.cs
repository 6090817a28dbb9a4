namespace Trap.Science.Candidates;

/// <summary>
/// The selection verdict for one source in one band.
/// </summary>
/// <param name="EtaSigmas">log10 η in robust sigmas above the band's median (NaN when the band had no fit
/// or the source has η = 0); likewise <paramref name="VSigmas"/>.</param>
public sealed record BandSelection(BandMetrics Metrics, SelectionReasons Reasons, double EtaSigmas, double VSigmas)
{
    public bool Selected => Reasons != SelectionReasons.None;
}
