namespace Trap.Alerts;

/// <summary>
/// Everything one candidate's VOEvent says, as flat values (degrees, Jy, Hz, UTC). Non-finite numbers
/// are left out of the packet.
/// </summary>
/// <param name="Ivorn">The packet's identifier (see <see cref="Alerts.Ivorn"/>).</param>
/// <param name="CreatedUtc">Who/Date: when the packet was made.</param>
/// <param name="ErrorRadiusDeg">Position error circle radius.</param>
/// <param name="TriggerUtc">WhereWhen time: when the event happened.</param>
/// <param name="Class">new_source, flare, fading, variable or artefact.</param>
/// <param name="Score">Classification confidence in [0, 1], also the Why importance.</param>
/// <param name="SelectedBy">Why the source was selected, e.g. "new_source,cuts".</param>
/// <param name="LightCurve">The band's light curve, oldest first.</param>
public sealed record AlertContent(
    string Ivorn,
    DateTime CreatedUtc,
    string Dataset,
    long RuncatId,
    double RaDeg,
    double DecDeg,
    double ErrorRadiusDeg,
    DateTime TriggerUtc,
    int BandId,
    double BandFrequencyHz,
    string Class,
    double Score,
    string ClassRule,
    string SelectedBy,
    double PeakFluxJy,
    double PeakFluxErrJy,
    double EtaInt,
    double VInt,
    double EtaSignificance,
    int FDatapoints,
    int? NewSourceType,
    double? SigmaRmsMin,
    double? SigmaRmsMax,
    double ForcedFraction,
    double FirstToPeak,
    double LastToPeak,
    double TimeTrend,
    DateTime FirstDetectionUtc,
    DateTime PeakUtc,
    IReadOnlyList<AlertLightCurvePoint> LightCurve);

/// <summary>One light-curve point of a packet: integrated flux and error (Jy), forced fit or blind detection.</summary>
public sealed record AlertLightCurvePoint(DateTime TimeUtc, double FIntJy, double FIntErrJy, bool IsForced);
