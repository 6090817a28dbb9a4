using Trap.Alerts;
using Trap.Science.Candidates;

namespace Trap.Pipeline.Stages;

/// <summary>What a candidate's VOEvent says: the candidate's metrics, features and class as flat alert content.</summary>
public static class CandidateAlerts
{
    public static AlertContent Content(Candidate c, string ivorn, string dataset, double bandFrequencyHz,
        IReadOnlyList<LightCurvePoint> lightCurve, DateTime createdUtc)
    {
        var f = c.Features;
        var m = c.Metrics;
        return new AlertContent(
            Ivorn: ivorn, CreatedUtc: createdUtc, Dataset: dataset, RuncatId: c.RuncatId,
            RaDeg: c.RaDeg, DecDeg: c.DecDeg, ErrorRadiusDeg: c.ErrorRadiusDeg, TriggerUtc: c.TriggerUtc,
            BandId: m.BandId, BandFrequencyHz: bandFrequencyHz,
            Class: CandidateClassText.Format(c.Classification.Class), Score: c.Score, ClassRule: c.Classification.Rule,
            SelectedBy: SelectionReasonsText.Format(c.Selection.Reasons),
            PeakFluxJy: f.PeakFluxJy, PeakFluxErrJy: f.PeakFluxErrJy, EtaInt: m.EtaInt, VInt: m.VInt, EtaSignificance: m.EtaSignificance,
            FDatapoints: m.FDatapoints, NewSourceType: m.NewSourceType, SigmaRmsMin: m.SigmaRmsMin, SigmaRmsMax: m.SigmaRmsMax,
            ForcedFraction: f.ForcedFraction, FirstToPeak: f.FirstToPeak, LastToPeak: f.LastToPeak, TimeTrend: f.TimeTrend,
            FirstDetectionUtc: f.FirstDetectionUtc, PeakUtc: f.PeakUtc,
            LightCurve: lightCurve.OrderBy(p => p.TimeUtc).Select(p => new AlertLightCurvePoint(p.TimeUtc, p.FIntJy, p.FIntErrJy, p.IsForced)).ToList());
    }
}
