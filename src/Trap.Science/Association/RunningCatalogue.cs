using Trap.Science.NewSources;
using Trap.Science.Variability;

namespace Trap.Science.Association;

/// <summary>
/// The running catalogue of one sky bucket: TraP's association (docs/science.md §5), new-source detection
/// (§8.2) and forced-fit bookkeeping (§7), as plain in-memory state fed one image at a time.
///
/// Order of calls (the reproducibility contract, §9): for each timestep in time order, call
/// <see cref="AssociateImage"/> for every image of the timestep that overlaps the bucket (rejected
/// ones too, with no measurements) in ascending (frequency, image id); then perform the forced fits
/// those calls requested and give them back with <see cref="AssociateForcedFits"/>, image by image in
/// the same order. Violations throw <see cref="InvalidOperationException"/>. Given the same inputs in
/// this order, every output record is identical, whatever engine or machine runs it: catalogue ids
/// are the ids of the measurements that created them and every output list is sorted.
/// </summary>
public sealed partial class RunningCatalogue
{
    private readonly AssociationConfig _config;
    private readonly IReadOnlyList<MonitorPosition> _monitors;
    private readonly Dictionary<long, long> _runcatOfMonitor = new();
    private readonly Dictionary<long, CatalogueEntry> _entries = new();
    private readonly List<CatalogueEntry?> _entryOfSlot = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<long, RegionState> _regionById = new();
    private readonly List<RegionState> _regions = new();
    private readonly List<int> _queryBuffer = new();
    private ICandidateIndex? _index;

    // Ordering state: the current timestep and the images of it already associated / forced-fitted.
    private DateTime? _timestep;
    private (double FrequencyHz, long Id)? _lastImage;
    private readonly Dictionary<long, ImageRecord> _timestepImages = new();
    private readonly HashSet<long> _timestepForcedDone = new();
    private readonly Dictionary<long, HashSet<long>> _touchedInImage = new();

    /// <param name="config">Association settings (validated here).</param>
    /// <param name="monitors">The job's monitor positions that fall in this bucket.</param>
    /// <param name="index">Candidate index; default a <see cref="SkyGrid"/> sized to the first image's cone.</param>
    public RunningCatalogue(AssociationConfig config, IReadOnlyList<MonitorPosition>? monitors = null, ICandidateIndex? index = null)
    {
        config.Validate();
        _config = config;
        _monitors = (monitors ?? Array.Empty<MonitorPosition>()).OrderBy(m => m.Id).ToArray();
        _index = index;
    }

    /// <summary>Number of catalogue sources (blind and monitor) currently alive.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Associates one image's blind extractions with the catalogue and returns what changed, with the
    /// forced fits this image needs. A rejected image only registers its sky region.
    /// </summary>
    public ImageAssociationResult AssociateImage(ImageRecord image, IReadOnlyList<SourceMeasurement> blindExtractions)
    {
        EnterImage(image);
        var region = RegisterRegion(image);
        if (image.Rejected)
        {
            if (blindExtractions.Count > 0)
                throw new ArgumentException($"image {image.Id} is rejected but {blindExtractions.Count} extractions were given for it; rejected images have no extractions.");
            return Empty(image.Id, Array.Empty<long>());
        }
        region.AddGoodImage(image);

        var dropped = new List<long>();
        var measurements = Prepare(image, blindExtractions, ExtractType.Blind, dropped);
        var byId = measurements.ToDictionary(m => m.Id);
        var pairs = FindCandidates(image, measurements);
        var topology = _config.Matching == AssociationMatching.Trap ? TopologyResolver.Resolve(pairs) : TopologyResolver.ResolveNearest(pairs);

        var associations = new List<AssociationRecord>();
        var newEntries = new List<CatalogueEntryRecord>();
        var retired = new List<long>();
        var newSources = new List<NewSourceRecord>();
        var touched = new HashSet<long>();
        _touchedInImage[image.Id] = touched;

        var offset = _config.PositionShiftCommonOffset ? EstimateCommonOffset(image, topology.OneToOne, byId) : null;
        foreach (var group in topology.Forks)
            Fork(image, group, byId, associations, newEntries, newSources, touched, retired, offset);
        foreach (var pair in topology.OneToOne)
            UpdateOneToOne(image, pair, byId[pair.ExtractionId], associations, touched, offset);
        foreach (var m in measurements)
            if (!topology.LinkedExtractions.Contains(m.Id))
                StartNewSource(image, region, m, associations, newEntries, newSources, touched, offset);

        return new ImageAssociationResult(image.Id, associations, newEntries, retired, newSources,
            ForcedFitRequests(image, region, touched), dropped);
    }

    private void EnterImage(ImageRecord image)
    {
        if (_timestep is { } current)
        {
            if (image.TimeUtc < current)
                throw new InvalidOperationException($"image {image.Id} starts at {image.TimeUtc:O}, before the timestep {current:O} already processed; give images in time order.");
            if (image.TimeUtc == current)
            {
                if (_timestepForcedDone.Count > 0)
                    throw new InvalidOperationException($"image {image.Id} arrived after forced fits of its timestep {current:O} began; associate every image of a timestep before its forced fits.");
                var (lastFrequency, lastId) = _lastImage!.Value;
                if (image.FrequencyHz < lastFrequency || (image.FrequencyHz == lastFrequency && image.Id <= lastId))
                    throw new InvalidOperationException($"image {image.Id} ({image.FrequencyHz} Hz) arrived after image {lastId} ({lastFrequency} Hz) of the same timestep; give images in ascending (frequency, id).");
            }
        }
        if (_timestep != image.TimeUtc)
        {
            _timestep = image.TimeUtc;
            _timestepImages.Clear();
            _timestepForcedDone.Clear();
            _touchedInImage.Clear();
        }
        _lastImage = (image.FrequencyHz, image.Id);
        _timestepImages[image.Id] = image;
    }

    private RegionState RegisterRegion(ImageRecord image)
    {
        if (_regionById.TryGetValue(image.SkyRegionId, out var state)) return state;
        var region = new SkyRegion(image.SkyRegionId, image.CentreRaDeg, image.CentreDecDeg, image.ExtractionRadiusDeg);
        state = new RegionState(region, _config.NewSourceSigmaMargin);
        _regionById.Add(region.Id, state);
        _regions.Add(state);
        // A new region links every existing catalogue source it covers (docs/science.md §6.4).
        foreach (var entry in _entries.Values)
            if (region.Covers(entry.Position.Position)) Link(entry, state);
        return state;
    }

    private static void Link(CatalogueEntry entry, RegionState region)
    {
        region.LinkedRuncats.Add(entry.Id);
        entry.SkyRegionIds.Add(region.Region.Id);
    }

    private static List<SourceMeasurement> Prepare(ImageRecord image, IReadOnlyList<SourceMeasurement> given, ExtractType expected, List<long> dropped)
    {
        var kept = new List<SourceMeasurement>(given.Count);
        var ids = new HashSet<long>();
        foreach (var m in given)
        {
            if (m.ImageId != image.Id)
                throw new ArgumentException($"measurement {m.Id} belongs to image {m.ImageId} but was given with image {image.Id}.");
            if (m.ExtractType != expected)
                throw new ArgumentException($"measurement {m.Id} of image {image.Id} is a {m.ExtractType} measurement where {expected} ones were expected.");
            if (!ids.Add(m.Id))
                throw new ArgumentException($"measurement id {m.Id} appears twice in image {image.Id}; measurement ids must be unique in the job.");
            if (m.HasUsableErrors) kept.Add(m);
            else dropped.Add(m.Id);
        }
        kept.Sort((a, b) => a.Id.CompareTo(b.Id));
        dropped.Sort();
        return kept;
    }

    private List<CandidatePair> FindCandidates(ImageRecord image, List<SourceMeasurement> measurements)
    {
        var cone = _config.BeamwidthsLimit * image.BeamSemiMajorDeg;
        if (!(cone > 0) || !double.IsFinite(cone) || cone >= 90)
            throw new ArgumentException($"image {image.Id} has restoring-beam semi-major axis {image.BeamSemiMajorDeg} deg; it must be positive and small (degrees, not arcsec or pixels).");
        _index ??= new SkyGrid(Math.Clamp(cone, 1.0 / 3600.0, 10.0));
        var pairs = new List<CandidatePair>();
        foreach (var m in measurements)
        {
            var v = SkyVector.FromRaDec(m.RaDeg, m.DecDeg);
            _queryBuffer.Clear();
            _index.Query(v, cone, _queryBuffer);
            foreach (var slot in _queryBuffer)
            {
                var entry = _entryOfSlot[slot]!;
                var p = entry.Position;
                var r = DeRuiter.Radius(p.Position, p.UncertaintyEwDeg, p.UncertaintyNsDeg, v, m.Errors.UncertaintyEwDeg, m.Errors.UncertaintyNsDeg);
                if (r < _config.DeRuiterRadius)
                    pairs.Add(new CandidatePair(m.Id, entry.Id, r, p.Position.DistanceArcsec(v)));
            }
        }
        return pairs;
    }

    private void Fork(ImageRecord image, IReadOnlyList<CandidatePair> group, Dictionary<long, SourceMeasurement> byId,
        List<AssociationRecord> associations, List<CatalogueEntryRecord> newEntries, List<NewSourceRecord> newSources,
        HashSet<long> touched, List<long> retired, CommonImageOffset? offset)
    {
        var parent = _entries[group[0].RuncatId];
        foreach (var pair in group)
        {
            var m = byId[pair.ExtractionId];
            var position = parent.Position.Clone();
            position.Add(m);
            // The child's light curve starts as its parent's (the copied rows below, type 6).
            var child = CreateEntry(m, image, isMonitor: false, position, parent.LightCurve.Clone());
            // Only the current band's flux statistics survive a fork, as in TraP.
            var flux = parent.Bands.Find(b => b.BandId == image.BandId)?.Clone() ?? new FluxStatistics(image.BandId);
            flux.Add(m.FPeak, m.FPeakErr, m.FInt, m.FIntErr);
            AddPosition(flux, position, m, offset);
            child.Bands.Add(flux);
            foreach (var old in parent.History!)
            {
                var copied = old with { RuncatId = child.Id, Type = AssociationType.CopiedHistory };
                child.History!.Add(copied);
                associations.Add(copied);
            }
            Record(child, Row(child.Id, m, image, AssociationType.OneToManyBase, pair.DistanceArcsec, pair.R, flux), associations);
            foreach (var regionId in parent.SkyRegionIds) Link(child, _regionById[regionId]);
            if (parent.NewSource is { } ns)
            {
                child.NewSource = ns with { RuncatId = child.Id };
                newSources.Add(child.NewSource);
            }
            touched.Add(child.Id);
            newEntries.Add(new CatalogueEntryRecord(child.Id, m.Id, image.Id, CatalogueOrigin.Fork, parent.Id, position.RaDeg, position.DecDeg));
        }
        Retire(parent);
        retired.Add(parent.Id);
    }

    private void UpdateOneToOne(ImageRecord image, CandidatePair pair, SourceMeasurement m, List<AssociationRecord> associations, HashSet<long> touched,
        CommonImageOffset? offset)
    {
        var entry = _entries[pair.RuncatId];
        entry.Position.Add(m);
        _index!.Move(entry.Slot, entry.Position.Position);
        var flux = entry.BandStatistics(image.BandId);
        flux.Add(m.FPeak, m.FPeakErr, m.FInt, m.FIntErr);
        AddPosition(flux, entry.Position, m, offset);
        entry.ForcedFitsCount = 0;
        Record(entry, Row(entry.Id, m, image, AssociationType.OneToOne, pair.DistanceArcsec, pair.R, flux), associations);
        touched.Add(entry.Id);
    }

    private void StartNewSource(ImageRecord image, RegionState ownRegion, SourceMeasurement m, List<AssociationRecord> associations,
        List<CatalogueEntryRecord> newEntries, List<NewSourceRecord> newSources, HashSet<long> touched, CommonImageOffset? offset)
    {
        var entry = CreateEntry(m, image, isMonitor: false, PositionStatistics.Start(m));
        var flux = entry.BandStatistics(image.BandId);
        flux.Add(m.FPeak, m.FPeakErr, m.FInt, m.FIntErr);
        AddPosition(flux, entry.Position, m, offset);
        Record(entry, Row(entry.Id, m, image, AssociationType.NewSource, 0.0, 0.0, flux), associations);
        // Linked to its own image's region and to every other region that covers it (docs/science.md §6.4).
        Link(entry, ownRegion);
        foreach (var region in _regions)
            if (region != ownRegion && region.Region.Covers(entry.Position.Position)) Link(entry, region);

        ImageRecord? best = null;
        foreach (var regionId in entry.SkyRegionIds)
        {
            var candidate = _regionById[regionId].BestBefore(image.BandId, image.TimeUtc);
            if (candidate is not null && (best is null || NewSourceCriteria.IsBetter(candidate, best, _config.NewSourceSigmaMargin)))
                best = candidate;
        }
        entry.NewSource = NewSourceCriteria.Classify(entry.Id, m, best, _config.NewSourceSigmaMargin);
        if (entry.NewSource is not null) newSources.Add(entry.NewSource);
        touched.Add(entry.Id);
        newEntries.Add(new CatalogueEntryRecord(entry.Id, m.Id, image.Id, CatalogueOrigin.NewSource, null, entry.Position.RaDeg, entry.Position.DecDeg));
    }

    private List<ForcedFitRequest> ForcedFitRequests(ImageRecord image, RegionState region, HashSet<long> touched)
    {
        var requests = new List<ForcedFitRequest>();
        foreach (var id in region.LinkedRuncats)
        {
            var e = _entries[id];
            if (!e.IsMonitor && e.ForcedFitsCount < _config.Expiration && e.FirstTimeUtc < image.TimeUtc && !touched.Contains(id))
                requests.Add(new ForcedFitRequest(image.Id, ForcedFitKind.NullDetection, id, null, e.Position.RaDeg, e.Position.DecDeg));
        }
        requests.Sort((a, b) => a.RuncatId!.Value.CompareTo(b.RuncatId!.Value));
        // TraP asks for every monitor position and lets the fit fail off the image; we ask only inside
        // the extraction circle, outside of which the extractor masks every pixel anyway (§4.2).
        foreach (var monitor in _monitors)
            if (region.Region.Covers(SkyVector.FromRaDec(monitor.RaDeg, monitor.DecDeg)))
                requests.Add(new ForcedFitRequest(image.Id, ForcedFitKind.Monitor, null, monitor.Id, monitor.RaDeg, monitor.DecDeg));
        return requests;
    }

    private CatalogueEntry CreateEntry(SourceMeasurement first, ImageRecord image, bool isMonitor, PositionStatistics position,
        LightCurveDigest? lightCurve = null)
    {
        if (_entries.ContainsKey(first.Id))
            throw new InvalidOperationException($"measurement id {first.Id} already names a catalogue source; measurement ids must be unique in the job.");
        var entry = new CatalogueEntry(first.Id, first.Id, image.TimeUtc, isMonitor, position,
            lightCurve ?? new LightCurveDigest(_config.PairMetricMinAbsVs, _config.VariabilityWindow), keepsHistory: _config.Matching == AssociationMatching.Trap);
        _entries.Add(entry.Id, entry);
        if (!isMonitor)
        {
            entry.Slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _entryOfSlot.Count;
            if (entry.Slot == _entryOfSlot.Count) _entryOfSlot.Add(entry);
            else _entryOfSlot[entry.Slot] = entry;
            _index!.Add(entry.Slot, position.Position);
        }
        return entry;
    }

    private void Retire(CatalogueEntry entry)
    {
        _index!.Remove(entry.Slot);
        _entryOfSlot[entry.Slot] = null;
        _freeSlots.Push(entry.Slot);
        foreach (var regionId in entry.SkyRegionIds) _regionById[regionId].LinkedRuncats.Remove(entry.Id);
        _entries.Remove(entry.Id);
    }

    /// <summary>A blind detection's position joins its band's position scatter, less its image's common offset (forced and
    /// monitor fits are made at a fixed position).</summary>
    private static void AddPosition(FluxStatistics flux, PositionStatistics position, SourceMeasurement m, CommonImageOffset? offset)
    {
        var (xi, eta, xiErr, etaErr) = position.OffsetArcsec(m);
        flux.AddPosition(xi, eta, xiErr, etaErr, m.FInt, offset?.For(m.Id) ?? ImageOffset.None);
    }

    /// <summary>
    /// The image's astrometric offset in this bucket (docs/science.md §8.4, "Common offsets"), from its one-to-one matches
    /// with sources that already have a blind position in the band: each detection's offset from the source's corrected
    /// mean position. Read before any match updates its source, so the order of the matches does not matter.
    /// </summary>
    private CommonImageOffset? EstimateCommonOffset(ImageRecord image, IEnumerable<CandidatePair> oneToOne, Dictionary<long, SourceMeasurement> byId)
    {
        var samples = new List<OffsetSample>();
        foreach (var pair in oneToOne.OrderBy(p => p.ExtractionId))
        {
            var entry = _entries[pair.RuncatId];
            if (entry.Bands.Find(b => b.BandId == image.BandId)?.Positions.Mean is not { } mean) continue;
            var (xi, eta, xiErr, etaErr) = entry.Position.OffsetArcsec(byId[pair.ExtractionId]);
            samples.Add(new OffsetSample(pair.ExtractionId, xi - mean.Xi, eta - mean.Eta,
                xiErr * xiErr + mean.XiErr * mean.XiErr, etaErr * etaErr + mean.EtaErr * mean.EtaErr));
        }
        return CommonImageOffset.Estimate(samples);
    }

    private static void Record(CatalogueEntry entry, AssociationRecord row, List<AssociationRecord> associations)
    {
        entry.History?.Add(row);
        entry.LightCurve.Add(row);
        associations.Add(row);
    }

    private static AssociationRecord Row(long runcatId, SourceMeasurement m, ImageRecord image, AssociationType type, double distanceArcsec, double r, FluxStatistics flux) =>
        new(runcatId, m.Id, image.Id, image.BandId, image.TimeUtc, type, distanceArcsec, r, flux.Datapoints,
            flux.VInt, flux.EtaInt, flux.VPeak, flux.EtaPeak, m.FInt, m.FIntErr, m.FPeak, m.FPeakErr);

    private static ImageAssociationResult Empty(long imageId, IReadOnlyList<long> dropped) =>
        new(imageId, Array.Empty<AssociationRecord>(), Array.Empty<CatalogueEntryRecord>(), Array.Empty<long>(),
            Array.Empty<NewSourceRecord>(), Array.Empty<ForcedFitRequest>(), dropped);
}
