using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Output.Rows;
using Trap.Pipeline.Planning;
using Trap.Science.Association;
using Trap.Science.Extraction;
using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>The rows one timestep produced.</summary>
public sealed record TimestepRows(
    IReadOnlyList<ImageRow> Images,
    IReadOnlyList<RejectionRow> Rejections,
    IReadOnlyList<ExtractedSourceRow> Sources,
    IReadOnlyList<AssociationRow> Associations,
    IReadOnlyList<NewSourceRow> NewSources,
    IReadOnlyList<long> Retired,
    IReadOnlyList<(long MonitorId, long RuncatId)> MonitorRuncats);

/// <summary>
/// One timestep of the job: images map, the historical QC check in observation order, blind
/// association per sky bucket, forced fits, their association. Measurement ids are derived from the
/// image id (blind: imageId·2^20 + index; forced: imageId·2^20 + 2^19 + index) so they are the same
/// on every engine and every re-run.
/// </summary>
public sealed class TimestepProcessor
{
    private const int IdShift = 20;
    private const long ForcedOffset = 1L << 19;

    private readonly IEngine _engine;
    private readonly JobContext _context;
    private readonly JobConfig _config;
    private readonly JobPlan _plan;

    public TimestepProcessor(IEngine engine, JobContext context, JobConfig config, JobPlan plan)
    {
        _engine = engine;
        _context = context;
        _config = config;
        _plan = plan;
    }

    public async Task<TimestepRows> ProcessAsync(IReadOnlyList<PlannedImage> timestep, RmsHistory history, CancellationToken cancellation)
    {
        var work = timestep.Select(i => new ImageWork(i.ImageId, i.Header.Url)).ToList();
        var outcomes = await _engine.MapAsync<ImageStageTask, ImageWork, ImageOutcome>(_context, work, cancellation);

        var images = new List<ImageRow>();
        var rejections = new List<RejectionRow>();
        var sources = new List<ExtractedSourceRow>();
        var blind = new List<BlindImageWork>();
        var records = new Dictionary<long, (PlannedImage Planned, ImageRecord Record)>();
        for (var i = 0; i < timestep.Count; i++)
        {
            var planned = timestep[i];
            var outcome = outcomes[i];
            var quality = history.Apply(outcome.Quality);
            var accepted = quality.Accepted && outcome.ExtractionError is null;
            var record = ImageRecordOf(planned, outcome, accepted);
            records[planned.ImageId] = (planned, record);
            images.Add(ImageRowOf(planned, outcome, quality, record, accepted));
            if (!accepted)
            {
                rejections.Add(RejectionOf(planned, quality, outcome.ExtractionError));
                blind.Add(new BlindImageWork(planned.Bucket, record, Array.Empty<SourceMeasurement>()));
                continue;
            }
            var measurements = new List<SourceMeasurement>(outcome.Sources.Count);
            for (var k = 0; k < outcome.Sources.Count; k++)
            {
                var s = outcome.Sources[k];
                var id = (planned.ImageId << IdShift) + k;
                var errors = PositionErrors.Derive(s.Dec, s.RaErr, s.DecErr, s.ErrorRadiusArcsec, _config.Association);
                measurements.Add(new SourceMeasurement(id, planned.ImageId, ExtractType.Blind, s.Ra, s.Dec, errors,
                    s.PeakFlux, s.PeakFluxErr, s.IntFlux, s.IntFluxErr, s.DetSigma));
                sources.Add(RowMapping.Source(id, planned.ImageId, ExtractType.Blind, s, errors));
            }
            blind.Add(new BlindImageWork(planned.Bucket, record, measurements));
        }

        var blindResults = await _engine.ReduceByKeyAsync<BlindAssociationTask, int, BlindImageWork, RunningCatalogue, ImageAssociationResult>(
            _context, CatalogueState.Stage, blind, w => w.Bucket, new ImageOrder<BlindImageWork>(w => w.Image), cancellation);
        var forcedResults = await ForcedFitsAsync(blindResults, records, sources, cancellation);

        var all = blindResults.Concat(forcedResults).ToList();
        var dropped = all.SelectMany(r => r.DroppedExtractionIds).ToHashSet();
        if (dropped.Count > 0) sources.RemoveAll(s => dropped.Contains(s.SourceId));
        var associations = all.SelectMany(r => r.Associations).Select(RowMapping.Association).ToList();
        var monitorOfSource = sources.Where(s => s.FfMonitorId is not null).ToDictionary(s => s.SourceId, s => s.FfMonitorId!.Value);
        var monitorRuncats = all.SelectMany(r => r.Associations)
            .Where(a => a.Type == AssociationType.FirstMonitor && monitorOfSource.ContainsKey(a.ExtractionId))
            .Select(a => (monitorOfSource[a.ExtractionId], a.RuncatId))
            .ToList();
        return new TimestepRows(images, rejections, sources, associations,
            all.SelectMany(r => r.NewSources).Select(RowMapping.NewSource).ToList(),
            all.SelectMany(r => r.RetiredRuncatIds).ToList(), monitorRuncats);
    }

    /// <summary>Measures what blind association asked for, image by image, then associates the fits.</summary>
    private async Task<IReadOnlyList<ImageAssociationResult>> ForcedFitsAsync(IReadOnlyList<ImageAssociationResult> blindResults,
        Dictionary<long, (PlannedImage Planned, ImageRecord Record)> records, List<ExtractedSourceRow> sources, CancellationToken cancellation)
    {
        var work = blindResults.Where(r => r.ForcedFitRequests.Count > 0)
            .Select(r => new ForcedFitWork(r.ImageId, records[r.ImageId].Planned.Header.Url, r.ForcedFitRequests))
            .ToList();
        var outcomes = await _engine.MapAsync<ForcedFitTask, ForcedFitWork, ForcedFitOutcome>(_context, work, cancellation);
        var byImage = outcomes.ToDictionary(o => o.ImageId);

        var forced = new List<ForcedImageWork>();
        foreach (var (imageId, (planned, record)) in records)
        {
            if (record.Rejected) continue;
            var nulls = new List<SourceMeasurement>();
            var monitors = new List<SourceMeasurement>();
            if (byImage.TryGetValue(imageId, out var outcome))
            {
                var k = 0;
                foreach (var result in outcome.Results)
                {
                    if (result.Source is not { } s) continue;
                    var id = (imageId << IdShift) + ForcedOffset + k++;
                    var type = result.Request.Kind == ForcedFitKind.NullDetection ? ExtractType.NullDetection : ExtractType.Monitor;
                    var errors = PositionErrors.Derive(s.Dec, s.RaErr, s.DecErr, s.ErrorRadiusArcsec, _config.Association);
                    var measurement = new SourceMeasurement(id, imageId, type, s.Ra, s.Dec, errors, s.PeakFlux, s.PeakFluxErr,
                        s.IntFlux, s.IntFluxErr, s.DetSigma, result.Request.RuncatId, result.Request.MonitorId);
                    (type == ExtractType.NullDetection ? nulls : monitors).Add(measurement);
                    sources.Add(RowMapping.Source(id, imageId, type, s, errors, result.Request.RuncatId, result.Request.MonitorId));
                }
            }
            forced.Add(new ForcedImageWork(planned.Bucket, record, nulls, monitors));
        }
        return await _engine.ReduceByKeyAsync<ForcedAssociationTask, int, ForcedImageWork, RunningCatalogue, ImageAssociationResult>(
            _context, CatalogueState.Stage, forced, w => w.Bucket, new ImageOrder<ForcedImageWork>(w => w.Image), cancellation);
    }

    private ImageRecord ImageRecordOf(PlannedImage planned, ImageOutcome outcome, bool accepted)
    {
        var h = planned.Header;
        return new ImageRecord(planned.ImageId, planned.BandId, planned.SkyRegionId, h.StartUtc, h.FrequencyHz,
            h.CentreRaDeg, h.CentreDecDeg, h.ExtractionRadiusDeg, h.BeamSemiMajorDeg,
            accepted ? outcome.RmsMin : double.NaN, accepted ? outcome.RmsMax : double.NaN,
            _config.Extraction.DetectionThreshold, Rejected: !accepted);
    }

    private ImageRow ImageRowOf(PlannedImage planned, ImageOutcome outcome, QualityRecord quality, ImageRecord record, bool accepted)
    {
        var h = planned.Header;
        var f = outcome.Facts;
        return new ImageRow
        {
            ImageId = planned.ImageId,
            Url = h.Url,
            Telescope = quality.Telescope,
            Accessor = f?.Accessor ?? "",
            Timestep = planned.Timestep,
            BandId = planned.BandId,
            SkyRegionId = planned.SkyRegionId,
            StartUtc = h.StartUtc,
            IntegrationS = quality.IntegrationSeconds,
            FreqEffHz = h.FrequencyHz,
            FreqBwHz = h.BandwidthHz,
            Stokes = f?.Stokes ?? "",
            CentreRaDeg = h.CentreRaDeg,
            CentreDecDeg = h.CentreDecDeg,
            XtrRadiusDeg = h.ExtractionRadiusDeg,
            RbSmajDeg = f is null ? double.NaN : f.BeamSemiMajorPx * f.PixelSizeXDeg,
            RbSminDeg = f is null ? double.NaN : f.BeamSemiMinorPx * f.PixelSizeYDeg,
            RbPaDeg = f?.BeamPaDeg ?? double.NaN,
            DeltaxDeg = f?.PixelSizeXDeg ?? double.NaN,
            DeltayDeg = f?.PixelSizeYDeg ?? double.NaN,
            WidthPx = f?.Width ?? 0,
            HeightPx = f?.Height ?? 0,
            RmsQcJy = quality.RmsQcJy,
            TheoreticalNoiseJy = quality.ExpectedNoiseJy,
            RmsMinJy = record.RmsMin,
            RmsMaxJy = record.RmsMax,
            DetectionThresh = _config.Extraction.DetectionThreshold,
            AnalysisThresh = _config.Extraction.AnalysisThreshold,
            Accepted = accepted,
            NSources = accepted ? outcome.Sources.Count : 0,
        };
    }

    private static RejectionRow RejectionOf(PlannedImage planned, QualityRecord quality, string? extractionError) =>
        quality.Accepted
            ? new RejectionRow
            {
                ImageId = planned.ImageId, Url = planned.Header.Url, ReasonId = RejectReason.ExtractionFailed.Id,
                Reason = RejectReason.ExtractionFailed.Name, Comment = extractionError ?? "",
            }
            : new RejectionRow
            {
                ImageId = planned.ImageId, Url = planned.Header.Url, ReasonId = quality.ReasonId,
                Reason = quality.ReasonName, Comment = quality.Explanation,
            };
}
