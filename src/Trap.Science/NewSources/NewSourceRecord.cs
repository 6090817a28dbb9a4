namespace Trap.Science.NewSources;

/// <summary>
/// A catalogue source flagged as new (TraP table newsource, docs/science.md §8.2), with the trigger's
/// fluxes and the previous-limits image's RMS range kept so sigma_rms_min/max need no join.
/// </summary>
/// <param name="NewSourceType">0 "possible transient": brighter than the best part of the best
/// previous image could have seen; 1 "likely transient": brighter than even its worst part.</param>
public sealed record NewSourceRecord(
    long RuncatId,
    long TriggerExtractionId,
    long PreviousLimitsImageId,
    int NewSourceType,
    double TriggerFPeak,
    double TriggerFInt,
    double PreviousRmsMin,
    double PreviousRmsMax)
{
    /// <summary>varmetric.sigma_rms_min: trigger integrated flux over the previous image's minimum RMS.</summary>
    public double SigmaRmsMin => TriggerFInt / PreviousRmsMin;

    /// <summary>varmetric.sigma_rms_max: trigger integrated flux over the previous image's maximum RMS.</summary>
    public double SigmaRmsMax => TriggerFInt / PreviousRmsMax;
}
