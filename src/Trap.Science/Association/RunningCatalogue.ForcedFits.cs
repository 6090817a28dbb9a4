using Trap.Science.NewSources;

namespace Trap.Science.Association;

public sealed partial class RunningCatalogue
{
    /// <summary>
    /// Associates the forced fits made for one image of the current timestep (docs/science.md §7.3, §7.4):
    /// null-detection fits first (type 7: flux statistics updated, position and datapoints not,
    /// forced-fit count + 1), then monitor fits (type 8 starts a monitor source; type 9 updates its
    /// fluxes and counts a datapoint without moving it). A null-detection fit whose source was forked
    /// away after the request (by a later image of the same timestep) cannot be associated and is
    /// listed in <see cref="ImageAssociationResult.DroppedExtractionIds"/>, as are fits with unusable errors.
    /// </summary>
    public ImageAssociationResult AssociateForcedFits(ImageRecord image, IReadOnlyList<SourceMeasurement> nullDetectionFits, IReadOnlyList<SourceMeasurement> monitorFits)
    {
        if (!_timestepImages.TryGetValue(image.Id, out var known) || known.Rejected)
            throw new InvalidOperationException($"forced fits given for image {image.Id}, which is not an associated, accepted image of the current timestep; give forced fits after AssociateImage and before the next timestep.");
        if (!_timestepForcedDone.Add(image.Id))
            throw new InvalidOperationException($"forced fits for image {image.Id} were already given.");

        var dropped = new List<long>();
        var associations = new List<AssociationRecord>();
        var newEntries = new List<CatalogueEntryRecord>();
        foreach (var m in Prepare(known, nullDetectionFits, ExtractType.NullDetection, dropped))
        {
            if (m.ForcedRuncatId is not { } runcatId)
                throw new ArgumentException($"null-detection fit {m.Id} of image {image.Id} does not name the catalogue source it was requested for.");
            if (!_entries.TryGetValue(runcatId, out var entry) || entry.IsMonitor)
            {
                dropped.Add(m.Id);
                continue;
            }
            var flux = entry.BandStatistics(known.BandId);
            flux.Add(m.FPeak, m.FPeakErr, m.FInt, m.FIntErr);
            entry.ForcedFitsCount++;
            Record(entry, Row(entry.Id, m, known, AssociationType.NullDetection, 0.0, 0.0, flux), associations);
        }
        foreach (var m in Prepare(known, monitorFits, ExtractType.Monitor, dropped))
        {
            if (m.MonitorId is not { } monitorId)
                throw new ArgumentException($"monitor fit {m.Id} of image {image.Id} does not name its monitor position.");
            if (_runcatOfMonitor.TryGetValue(monitorId, out var runcatId))
            {
                var entry = _entries[runcatId];
                var flux = entry.BandStatistics(known.BandId);
                flux.Add(m.FPeak, m.FPeakErr, m.FInt, m.FIntErr);
                entry.Position.CountWithoutMoving();
                Record(entry, Row(entry.Id, m, known, AssociationType.Monitor, 0.0, 0.0, flux), associations);
            }
            else
            {
                var entry = CreateEntry(m, known, isMonitor: true, PositionStatistics.Start(m));
                var flux = entry.BandStatistics(known.BandId);
                flux.Add(m.FPeak, m.FPeakErr, m.FInt, m.FIntErr);
                Record(entry, Row(entry.Id, m, known, AssociationType.FirstMonitor, 0.0, 0.0, flux), associations);
                _runcatOfMonitor[monitorId] = entry.Id;
                newEntries.Add(new CatalogueEntryRecord(entry.Id, m.Id, image.Id, CatalogueOrigin.Monitor, null, entry.Position.RaDeg, entry.Position.DecDeg));
            }
        }
        dropped.Sort();
        return new ImageAssociationResult(image.Id, associations, newEntries, Array.Empty<long>(),
            Array.Empty<NewSourceRecord>(), Array.Empty<ForcedFitRequest>(), dropped);
    }
}
