namespace Trap.Science.Candidates;

/// <summary>
/// Forced fits at a new source's position in the earlier images of its band, combined: their
/// inverse-variance weighted mean f_int and its error (docs/science.md, "Backward photometry of new sources").
/// </summary>
public sealed record BackwardFlux(int Count, double MeanJy, double MeanErrJy)
{
    public static BackwardFlux? Combine(IReadOnlyCollection<(double FIntJy, double FIntErrJy)> fits)
    {
        var usable = fits.Where(f => double.IsFinite(f.FIntJy) && f.FIntErrJy > 0 && double.IsFinite(f.FIntErrJy)).ToList();
        if (usable.Count == 0) return null;
        var weights = usable.Sum(f => 1 / (f.FIntErrJy * f.FIntErrJy));
        var mean = usable.Sum(f => f.FIntJy / (f.FIntErrJy * f.FIntErrJy)) / weights;
        return new BackwardFlux(usable.Count, mean, Math.Sqrt(1 / weights));
    }

    /// <summary>How many σ the trigger flux lies above the earlier images' mean.</summary>
    public double SigmasBelow(double triggerJy, double triggerErrJy) =>
        (triggerJy - MeanJy) / Math.Sqrt(triggerErrJy * triggerErrJy + MeanErrJy * MeanErrJy);
}
