namespace Trap.Science.Variability;

/// <summary>
/// One catalogue source's variability summary (TraP varmetric, docs/science.md §8.3, plus peak-flux
/// indices, the η significance and VAST's pair aggregates; docs/science.md §8.3). Fluxes in Jy.
/// </summary>
/// <param name="BandId">The band whose latest measurement is brightest (integrated flux).</param>
/// <param name="FDatapoints">Flux points in that band when the chosen measurement was added.</param>
/// <param name="VInt">V of integrated flux at the chosen measurement; likewise the other indices.</param>
/// <param name="EtaIntSignificance">1 − Q_χ²(η_int·(N−1); N−1): probability the source is not flat.</param>
/// <param name="LightcurveMax">Max of integrated flux over the source's measurements in the band.</param>
/// <param name="LightcurveAvg">Mean of those.</param>
/// <param name="LightcurveMedian">Median of those (mean of the middle two for an even count).</param>
/// <param name="VsIntSignificantMax">|Vs| of the pair with the largest |m| among pairs with |Vs| ≥ 4.3 (0 if none), integrated flux.</param>
/// <param name="MIntSignificantMax">|m| of that pair.</param>
/// <param name="NewSourceTriggerExtractionId">The newsource trigger, if the source is new.</param>
/// <param name="SigmaRmsMin">Trigger integrated flux / previous-limits image rms_min (new sources only).</param>
/// <param name="SigmaRmsMax">Trigger integrated flux / previous-limits image rms_max (new sources only).</param>
public sealed record VariabilitySummary(
    long RuncatId,
    int BandId,
    int FDatapoints,
    double VInt,
    double EtaInt,
    double VPeak,
    double EtaPeak,
    double EtaIntSignificance,
    double LightcurveMax,
    double LightcurveAvg,
    double LightcurveMedian,
    double VsIntSignificantMax,
    double MIntSignificantMax,
    double VsPeakSignificantMax,
    double MPeakSignificantMax,
    long? NewSourceTriggerExtractionId,
    int? NewSourceType,
    double? SigmaRmsMin,
    double? SigmaRmsMax);
