using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Science.Association;
using Trap.Science.Candidates;
using Trap.Science.Extraction;
using Trap.Science.NewSources;
using Trap.Science.Variability;

namespace Trap.Pipeline.Output;

/// <summary>Turns the science stages' records into output rows (units as the column names say).</summary>
public static class RowMapping
{
    public static ExtractedSourceRow Source(long sourceId, long imageId, ExtractType type, ExtractedSource s,
        PositionErrors errors, long? runcatId = null, long? monitorId = null) => new()
    {
        SourceId = sourceId,
        ImageId = imageId,
        ExtractType = (int)type,
        FitType = s.FitType,
        FfRuncatId = runcatId,
        FfMonitorId = monitorId,
        RaDeg = s.Ra,
        DecDeg = s.Dec,
        RaFitErrDeg = s.RaErr,
        DecFitErrDeg = s.DecErr,
        RaErrDeg = errors.RaErrDeg,
        DecErrDeg = errors.DecErrDeg,
        UncertaintyEwDeg = errors.UncertaintyEwDeg,
        UncertaintyNsDeg = errors.UncertaintyNsDeg,
        ErrorRadiusArcsec = s.ErrorRadiusArcsec,
        EwSysErrArcsec = s.EwSysErrArcsec,
        NsSysErrArcsec = s.NsSysErrArcsec,
        XPix = s.X,
        YPix = s.Y,
        Zone = (int)Math.Floor(s.Dec),
        DetSigma = s.DetSigma,
        SemimajorArcsec = s.SemiMajorArcsec,
        SemiminorArcsec = s.SemiMinorArcsec,
        PaDeg = s.PaDeg,
        FPeakJy = s.PeakFlux,
        FPeakErrJy = s.PeakFluxErr,
        FIntJy = s.IntFlux,
        FIntErrJy = s.IntFluxErr,
        Chisq = s.ChiSq,
        ReducedChisq = s.ReducedChiSq,
    };

    /// <summary>An extracted_sources row as association consumes it (the inverse of <see cref="Source"/> for what association uses).</summary>
    public static SourceMeasurement Measurement(ExtractedSourceRow r) =>
        new(r.SourceId, r.ImageId, (ExtractType)r.ExtractType, r.RaDeg, r.DecDeg,
            new PositionErrors(r.RaErrDeg, r.DecErrDeg, r.UncertaintyEwDeg, r.UncertaintyNsDeg),
            r.FPeakJy, r.FPeakErrJy, r.FIntJy, r.FIntErrJy, r.DetSigma, r.FfRuncatId, r.FfMonitorId);

    public static AssociationRow Association(AssociationRecord a) => new()
    {
        RuncatId = a.RuncatId,
        SourceId = a.ExtractionId,
        ImageId = a.ImageId,
        BandId = a.BandId,
        TimeUtc = a.TimeUtc,
        Type = (int)a.Type,
        DistanceArcsec = a.DistanceArcsec,
        R = a.DeRuiterR,
        FDatapoints = a.FDatapoints,
        VInt = a.VInt,
        EtaInt = a.EtaInt,
        VPeak = a.VPeak,
        EtaPeak = a.EtaPeak,
        FIntJy = a.FInt,
        FIntErrJy = a.FIntErr,
        FPeakJy = a.FPeak,
        FPeakErrJy = a.FPeakErr,
    };

    public static NewSourceRow NewSource(NewSourceRecord n) => new()
    {
        RuncatId = n.RuncatId,
        TriggerSourceId = n.TriggerExtractionId,
        PreviousLimitsImageId = n.PreviousLimitsImageId,
        NewsourceType = n.NewSourceType,
        TriggerFPeakJy = n.TriggerFPeak,
        TriggerFIntJy = n.TriggerFInt,
        SigmaRmsMin = n.SigmaRmsMin,
        SigmaRmsMax = n.SigmaRmsMax,
    };

    public static RunningCatalogueRow Catalogue(CatalogueSourceRow c) => new()
    {
        RuncatId = c.RuncatId,
        FirstSourceId = c.FirstExtractionId,
        Datapoints = c.Datapoints,
        WmRaDeg = c.RaDeg,
        WmDecDeg = c.DecDeg,
        WmUncertaintyEwDeg = c.UncertaintyEwDeg,
        WmUncertaintyNsDeg = c.UncertaintyNsDeg,
        AvgRaErrDeg = c.AverageRaErrDeg,
        AvgDecErrDeg = c.AverageDecErrDeg,
        Zone = (int)Math.Floor(c.DecDeg),
        X = c.X,
        Y = c.Y,
        Z = c.Z,
        MonSrc = c.IsMonitor,
        ForcedfitsCount = c.ForcedFitsCount,
    };

    public static CatalogueFluxRow Flux(BandFluxRow f) => new()
    {
        RuncatId = f.RuncatId,
        BandId = f.BandId,
        FDatapoints = f.FDatapoints,
        AvgFPeakJy = f.AverageFPeak,
        AvgFIntJy = f.AverageFInt,
        WavgFIntJy = f.WeightedMeanFInt,
        VInt = f.VInt,
        EtaInt = f.EtaInt,
        VPeak = f.VPeak,
        EtaPeak = f.EtaPeak,
    };

    public static VariabilityRow Variability(VariabilitySummary v) => new()
    {
        RuncatId = v.RuncatId,
        BandId = v.BandId,
        FDatapoints = v.FDatapoints,
        VInt = v.VInt,
        EtaInt = v.EtaInt,
        VPeak = v.VPeak,
        EtaPeak = v.EtaPeak,
        EtaIntSignificance = v.EtaIntSignificance,
        LightcurveMaxJy = v.LightcurveMax,
        LightcurveAvgJy = v.LightcurveAvg,
        LightcurveMedianJy = v.LightcurveMedian,
        // (0, 0) is the summary's "no pair passed the |Vs| threshold".
        VsIntMax = v.VsIntSignificantMax > 0 ? v.VsIntSignificantMax : null,
        MIntMax = v.VsIntSignificantMax > 0 ? v.MIntSignificantMax : null,
        VsPeakMax = v.VsPeakSignificantMax > 0 ? v.VsPeakSignificantMax : null,
        MPeakMax = v.VsPeakSignificantMax > 0 ? v.MPeakSignificantMax : null,
        NewsourceType = v.NewSourceType,
        SigmaRmsMin = v.SigmaRmsMin,
        SigmaRmsMax = v.SigmaRmsMax,
    };

    public static CandidateRow Candidate(Candidate c, string ivorn) => new()
    {
        RuncatId = c.RuncatId,
        BandId = c.Metrics.BandId,
        RaDeg = c.RaDeg,
        DecDeg = c.DecDeg,
        ErrorRadiusDeg = c.ErrorRadiusDeg,
        Class = CandidateClassText.Format(c.Classification.Class),
        Score = c.Score,
        ClassRule = c.Classification.Rule,
        SelectedBy = SelectionReasonsText.Format(c.Selection.Reasons),
        TriggerUtc = c.TriggerUtc,
        FDatapoints = c.Metrics.FDatapoints,
        VInt = c.Metrics.VInt,
        EtaInt = c.Metrics.EtaInt,
        EtaIntSignificance = c.Metrics.EtaSignificance,
        EtaSigmas = NotApplicable.Finite(c.Selection.EtaSigmas),
        VSigmas = NotApplicable.Finite(c.Selection.VSigmas),
        NewsourceType = c.Metrics.NewSourceType,
        SigmaRmsMin = c.Metrics.SigmaRmsMin,
        SigmaRmsMax = c.Metrics.SigmaRmsMax,
        NPoints = c.Features.Points,
        ForcedFraction = c.Features.ForcedFraction,
        FirstDetectionUtc = c.Features.FirstDetectionUtc,
        PeakUtc = c.Features.PeakUtc,
        PeakFIntJy = c.Features.PeakFluxJy,
        PeakFIntErrJy = c.Features.PeakFluxErrJy,
        // CandidateFeatures' placeholders: ratios to a non-positive peak are 0, the
        // trend of fewer than 3 points is 0, a missing neighbour is +∞ away with flux ratio 0.
        FirstToPeak = c.Features.PeakFluxJy > 0 ? c.Features.FirstToPeak : null,
        LastToPeak = c.Features.PeakFluxJy > 0 ? c.Features.LastToPeak : null,
        TimeTrend = c.Features.Points >= 3 ? c.Features.TimeTrend : null,
        EdgeDistanceBeams = NotApplicable.Finite(c.Features.EdgeDistanceBeams),
        CentreDistanceFraction = NotApplicable.Finite(c.Features.CentreDistanceFraction),
        BrightNeighbourRuncatId = c.Features.BrightNeighbourRuncatId,
        BrightNeighbourDistanceBeams = c.Features.BrightNeighbourRuncatId is null ? null : NotApplicable.Finite(c.Features.BrightNeighbourDistanceBeams),
        BrightNeighbourFluxRatio = c.Features.BrightNeighbourRuncatId is null || c.Features.PeakFluxJy <= 0 ? null : c.Features.BrightNeighbourFluxRatio,
        MedianReducedChisq = NotApplicable.Finite(c.Features.MedianReducedChiSq),
        Ivorn = ivorn,
    };
}
