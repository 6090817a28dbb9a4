using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Stages;
using Trap.Science.Association;
using Trap.Science.Candidates;
using Trap.Science.Extraction;
using Trap.Science.NewSources;
using Trap.Science.Quality;
using Trap.Science.Variability;

namespace Trap.Pipeline.Output;

/// <summary>Turns the science stages' records into output rows (units as the column names say): the one place every row of the dataset is made.</summary>
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
            new PositionErrors(r.RaErrDeg, r.DecErrDeg, r.UncertaintyEwDeg, r.UncertaintyNsDeg, r.RaFitErrDeg, r.DecFitErrDeg),
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

    public static RunningCatalogueRow Catalogue(CatalogueSourceRecord c) => new()
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

    public static CatalogueFluxRow Flux(BandFluxRecord f) => new()
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

    /// <summary>The images row of an image that reached extraction: accepted, or rejected by QC or extraction (NULL where it lacks a value).</summary>
    public static ImageRow Image(PlannedImage planned, ImageSummary summary, QualityRecord quality, ImageRecord record, bool accepted,
        JobConfig config)
    {
        var h = planned.Header;
        var f = summary.Facts;
        // What an image rejected before or during extraction lacks (no facts, NaN RMS) is NULL in the dataset.
        return new ImageRow
        {
            ImageId = planned.ImageId,
            Url = h.Url,
            Telescope = NotApplicable.Text(quality.Telescope),
            Accessor = NotApplicable.Text(f?.Accessor),
            Timestep = planned.Timestep,
            BandId = planned.BandId,
            SkyRegionId = planned.SkyRegionId,
            StartUtc = h.StartUtc,
            IntegrationS = NotApplicable.Positive(quality.IntegrationSeconds),
            FreqEffHz = NotApplicable.Positive(h.FrequencyHz),
            FreqBwHz = NotApplicable.Positive(h.BandwidthHz),
            Stokes = NotApplicable.Text(f?.Stokes),
            CentreRaDeg = NotApplicable.Finite(h.CentreRaDeg),
            CentreDecDeg = NotApplicable.Finite(h.CentreDecDeg),
            XtrRadiusDeg = NotApplicable.Finite(h.ExtractionRadiusDeg),
            RbSmajDeg = f is null ? null : f.BeamSemiMajorPx * f.PixelSizeXDeg,
            RbSminDeg = f is null ? null : f.BeamSemiMinorPx * f.PixelSizeYDeg,
            RbPaDeg = f?.BeamPaDeg,
            DeltaxDeg = f?.PixelSizeXDeg,
            DeltayDeg = f?.PixelSizeYDeg,
            WidthPx = f?.Width,
            HeightPx = f?.Height,
            RmsQcJy = NotApplicable.Positive(quality.RmsQcJy),
            TheoreticalNoiseJy = NotApplicable.Positive(quality.ExpectedNoiseJy),
            RmsMinJy = NotApplicable.Finite(record.RmsMin),
            RmsMaxJy = NotApplicable.Finite(record.RmsMax),
            DetectionThresh = config.Extraction.DetectionThreshold,
            AnalysisThresh = config.Extraction.AnalysisThreshold,
            Accepted = accepted,
            NSources = accepted ? summary.SourceCount : null,
        };
    }

    /// <summary>
    /// The row of an image rejected at planning. A duplicate or an image dropped by the stream had its
    /// header read: what planning learnt of it is kept (NULL where it learnt nothing).
    /// </summary>
    public static ImageRow PlanningRejectedImage(PlannedImage failed)
    {
        var header = failed.Header;
        return new ImageRow
        {
            ImageId = failed.ImageId, Url = header.Url, Accepted = false,
            StartUtc = header.StartUtc == DateTime.MinValue ? null : header.StartUtc,
            FreqEffHz = NotApplicable.Positive(header.FrequencyHz), FreqBwHz = NotApplicable.Positive(header.BandwidthHz),
            CentreRaDeg = NotApplicable.Finite(header.CentreRaDeg), CentreDecDeg = NotApplicable.Finite(header.CentreDecDeg),
            XtrRadiusDeg = NotApplicable.Positive(header.ExtractionRadiusDeg),
        };
    }

    /// <summary>The images table of a plan: the images planning rejected (unreadable, duplicate, dropped), then every readable one.</summary>
    public static List<ImageRow> ImageRows(JobPlan plan, IEnumerable<ImageRow> readable) =>
        plan.Unreadable.Select(PlanningRejectedImage).Concat(readable).ToList();

    /// <summary>The rejections table of a plan: planning's, then quality control's.</summary>
    public static List<RejectionRow> RejectionRows(JobPlan plan, IEnumerable<RejectionRow> qualityRejections) =>
        plan.Unreadable.Select(f => Rejection(f, f.Header.Rejection!.ReasonId, f.Header.Rejection.ReasonName, f.Header.Rejection.Explanation))
            .Concat(qualityRejections).ToList();

    /// <summary>A rejections row: the image, its reason and why.</summary>
    public static RejectionRow Rejection(PlannedImage image, int reasonId, string reason, string comment) => new()
    {
        ImageId = image.ImageId, Url = image.Header.Url, ReasonId = reasonId, Reason = reason, Comment = comment,
    };

    public static FrequencyBandRow Band(FrequencyBand b) => new()
    {
        BandId = b.Id, FreqCentralHz = b.CentralHz, FreqLowHz = b.LowHz, FreqHighHz = b.HighHz,
    };

    public static SkyRegionRow Region(SkyRegion r) => new()
    {
        SkyRegionId = r.Id, CentreRaDeg = r.CentreRaDeg, CentreDecDeg = r.CentreDecDeg, XtrRadiusDeg = r.RadiusDeg,
    };

    /// <summary>A config row: one setting as the run used it.</summary>
    public static ConfigRow Setting((string Section, string Key, string Value, string Type) s) => new()
    {
        Section = s.Section, Key = s.Key, Value = s.Value, Type = s.Type,
    };

    /// <summary>A monitor row: a monitor-list position and the catalogue source its first fit started (null: never fitted).</summary>
    public static MonitorRow Monitor(MonitorList.Entry m, long? runcatId) => new()
    {
        MonitorId = m.Position.Id, RaDeg = m.Position.RaDeg, DecDeg = m.Position.DecDeg, Name = m.Name, RuncatId = runcatId,
    };

    /// <summary>A stages row: what one stage took in and gave out, its wall time and the CPU it used in this process.</summary>
    public static StageRow Stage(int position, string stage, long rowsIn, string rowsInKind, long rowsOut, string rowsOutKind,
        TimeSpan wall, TimeSpan driverCpu) => new()
    {
        Position = position, Stage = stage, RowsIn = rowsIn, RowsInKind = rowsInKind, RowsOut = rowsOut, RowsOutKind = rowsOutKind,
        WallSeconds = wall.TotalSeconds, DriverCpuSeconds = driverCpu.TotalSeconds,
    };

    /// <summary>The dataset row: the run as a whole.</summary>
    public static DatasetRow Dataset(string name, string jobFile, string description, DateTime startUtc, DateTime endUtc,
        int images, int rejected, string engine) => new()
    {
        Name = name, JobFile = jobFile, Description = description, ProcessStartUtc = startUtc, ProcessEndUtc = endUtc,
        NImages = images, NRejected = rejected, Engine = engine,
    };
}
