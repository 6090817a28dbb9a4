using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;
using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The final reduce per sky bucket (docs/architecture.md, stage 6): replays the bucket's association with the
/// measured forced fits folded in (fluxes, V and η on every association row, expiration), and writes
/// the bucket's part of the extracted_sources, associations, new_sources, running_catalogue,
/// running_catalogue_flux and variability tables. A position the association stage did not ask for
/// (because an earlier null-detection fit of its source failed, so TraP's expiration count is lower)
/// is fitted here, in the image itself.
/// </summary>
public sealed class CatalogueTask : IMapTask<BucketWork, BucketTables>
{
    public BucketTables Run(BucketWork work, JobContext context)
    {
        var config = JobConfigCache.Get(context);
        var steps = new CatalogueSteps(work, config);
        var catalogue = BucketReplay.Run(work, config, context.ConfigSource, steps);
        return steps.FinishAsync(catalogue).GetAwaiter().GetResult();
    }
}

/// <summary>The catalogue stage's steps: buffers one timestep's measurements, streams the bucket's tables.</summary>
internal sealed class CatalogueSteps : IBucketSteps
{
    private readonly BucketWork _bucket;
    private readonly WorkFolder _work;
    private readonly JobConfig _config;
    private readonly ParquetTableWriter<ExtractedSourceRow> _sources;
    private readonly List<ExtractedSourceRow> _blindRows = new();
    private readonly List<ExtractedSourceRow> _forcedRows = new();
    private readonly HashSet<long> _dropped = new();
    private readonly Dictionary<long, long> _monitorOfMeasurement = new();
    private readonly List<AssociationRecord> _associations = new();
    private readonly HashSet<long> _retired = new();
    private readonly List<NewSourceRow> _newSources = new();
    private readonly List<MonitorRuncat> _monitorRuncats = new();
    private readonly int _appendPart;
    private long _sourceCount;
    private int _inlineFits;

    /// <param name="appendPart">
    /// The part the per-measurement tables (extracted_sources, associations, new_sources) are written as;
    /// the catalogue-wide ones are part <see cref="BucketWork.Bucket"/>. `trap stream` appends a batch's
    /// measurements as new parts this way (docs/streaming.md); a run writes both as the bucket's part.
    /// </param>
    public CatalogueSteps(BucketWork bucket, JobConfig config, int? appendPart = null)
    {
        _bucket = bucket;
        _work = new WorkFolder(bucket.WorkFolder);
        _config = config;
        _appendPart = appendPart ?? bucket.Bucket;
        _sources = new ParquetTableWriter<ExtractedSourceRow>(bucket.DatasetFolder, DatasetTables.ExtractedSources, _appendPart);
    }

    /// <summary>Catalogue sources retired (by a later fork) while these steps ran.</summary>
    public IReadOnlySet<long> Retired => _retired;

    /// <summary>The catalogue sources that have rows in the associations table these steps wrote.</summary>
    public IEnumerable<long> AssociatedRuncatIds => _associations.Select(a => a.RuncatId).Where(r => !_retired.Contains(r));

    public IReadOnlyList<SourceMeasurement> BlindExtractions(BucketImage image)
    {
        var rows = WorkFile.Read<ExtractedSourceRow>(_work.Extractions(image.Record.Id));
        _blindRows.AddRange(rows);
        return rows.Select(RowMapping.Measurement).ToList();
    }

    public void Associated(BucketImage image, ImageAssociationResult result)
    {
        Absorb(result);
        _retired.UnionWith(result.RetiredRuncatIds);
        _newSources.AddRange(result.NewSources.Select(RowMapping.NewSource));
    }

    public (IReadOnlyList<SourceMeasurement> NullDetections, IReadOnlyList<SourceMeasurement> Monitors) ForcedFits(
        BucketImage image, IReadOnlyList<ForcedFitRequest> requests)
    {
        var nulls = new List<SourceMeasurement>();
        var monitors = new List<SourceMeasurement>();
        if (requests.Count == 0) return (nulls, monitors);
        var imageId = image.Record.Id;
        var asked = WorkFile.ReadIfPresent<ForcedFitRequestRow>(_work.ForcedFitRequests(imageId)).Select(r => Key((ForcedFitKind)r.Kind, r.RuncatId, r.MonitorId)).ToHashSet();
        var measured = WorkFile.ReadIfPresent<ExtractedSourceRow>(_work.ForcedFits(imageId))
            .ToDictionary(r => Key(r.ExtractType == (int)ExtractType.NullDetection ? ForcedFitKind.NullDetection : ForcedFitKind.Monitor, r.FfRuncatId, r.FfMonitorId));
        ImageForcedFitter? fitter = null;
        var k = 0;
        foreach (var request in requests)
        {
            var key = Key(request.Kind, request.RuncatId, request.MonitorId);
            ExtractedSourceRow? row;
            if (asked.Contains(key))
            {
                row = measured.GetValueOrDefault(key);
            }
            else
            {
                fitter ??= new ImageForcedFitter(imageId, image.Url, _work, _config, requests.Select(r => (r.RaDeg, r.DecDeg)));
                row = fitter.Fit(request, 0);
                _inlineFits++;
            }
            if (row is null) continue;
            row.SourceId = MeasurementIds.Forced(imageId, k++);
            _forcedRows.Add(row);
            if (row.FfMonitorId is { } monitorId) _monitorOfMeasurement[row.SourceId] = monitorId;
            (request.Kind == ForcedFitKind.NullDetection ? nulls : monitors).Add(RowMapping.Measurement(row));
        }
        fitter?.Dispose();
        return (nulls, monitors);
    }

    public void ForcedFitsAssociated(BucketImage image, ImageAssociationResult result)
    {
        Absorb(result);
        foreach (var a in result.Associations)
        {
            if (a.Type == AssociationType.FirstMonitor && _monitorOfMeasurement.TryGetValue(a.ExtractionId, out var monitorId))
            {
                _monitorRuncats.Add(new MonitorRuncat(monitorId, a.RuncatId));
            }
        }
    }

    /// <summary>The timestep's measurements in TraP's order (blind, then forced), without those association dropped.</summary>
    public void TimestepDone()
    {
        foreach (var row in _blindRows.Concat(_forcedRows))
        {
            if (_dropped.Contains(row.SourceId)) continue;
            _sources.AddAsync(row).AsTask().GetAwaiter().GetResult();
            _sourceCount++;
        }
        _blindRows.Clear();
        _forcedRows.Clear();
        _dropped.Clear();
        _monitorOfMeasurement.Clear();
    }

    /// <summary>Closes the measurements and writes the bucket's other tables; returns what the candidate stage needs.</summary>
    public async Task<BucketTables> FinishAsync(RunningCatalogue catalogue)
    {
        await _sources.DisposeAsync();
        var folder = _bucket.DatasetFolder;
        // A later fork retires a source whose rows were already made; its history lives on under the children.
        await WriteAsync(DatasetTables.Associations, _associations.Where(a => !_retired.Contains(a.RuncatId)).Select(RowMapping.Association), _appendPart);
        await WriteAsync(DatasetTables.NewSources, _newSources, _appendPart);
        var sources = catalogue.Sources();
        var fluxes = catalogue.BandFluxes();
        await WriteAsync(DatasetTables.RunningCatalogue, sources.Select(RowMapping.Catalogue), _bucket.Bucket);
        await WriteAsync(DatasetTables.RunningCatalogueFlux, fluxes.Select(RowMapping.Flux), _bucket.Bucket);
        await WriteAsync(DatasetTables.Variability, catalogue.Summaries().Select(RowMapping.Variability), _bucket.Bucket);
        return new BucketTables(_bucket.Bucket, _sourceCount, _newSources.Count, _inlineFits, sources, fluxes, _newSources, _monitorRuncats);

        async Task WriteAsync<T>(string table, IEnumerable<T> rows, int part) where T : class, new()
        {
            await using var writer = new ParquetTableWriter<T>(folder, table, part);
            await writer.AddRangeAsync(rows);
        }
    }

    private void Absorb(ImageAssociationResult result)
    {
        _dropped.UnionWith(result.DroppedExtractionIds);
        _associations.AddRange(result.Associations);
    }

    private static (ForcedFitKind, long?) Key(ForcedFitKind kind, long? runcatId, long? monitorId) =>
        (kind, kind == ForcedFitKind.NullDetection ? runcatId : monitorId);

}
