using Trap.Science.NewSources;
using Trap.Science.Variability;

namespace Trap.Science.Association;

/// <summary>The mutable state of one running-catalogue source inside a <see cref="RunningCatalogue"/>.</summary>
internal sealed class CatalogueEntry
{
    public CatalogueEntry(long id, long firstExtractionId, DateTime firstTimeUtc, bool isMonitor, PositionStatistics position,
        LightCurveDigest lightCurve, bool keepsHistory)
    {
        LightCurve = lightCurve;
        History = keepsHistory ? new List<AssociationRecord>() : null;
        Id = id;
        FirstExtractionId = firstExtractionId;
        FirstTimeUtc = firstTimeUtc;
        IsMonitor = isMonitor;
        Position = position;
    }

    public long Id { get; }

    /// <summary>TraP runningcatalog.xtrsrc: the first (or forking) measurement.</summary>
    public long FirstExtractionId { get; }

    /// <summary>Start time of the image of <see cref="FirstExtractionId"/> (for the null-detection rule).</summary>
    public DateTime FirstTimeUtc { get; }

    /// <summary>TraP mon_src: started by a monitor fit; never matched by blind association.</summary>
    public bool IsMonitor { get; }

    public PositionStatistics Position { get; }

    /// <summary>Slot in the candidate index, or −1 (monitor sources are not indexed).</summary>
    public int Slot { get; set; } = -1;

    /// <summary>Null-detection fits since the last blind one-to-one association.</summary>
    public int ForcedFitsCount { get; set; }

    /// <summary>Flux statistics per band, ascending band id.</summary>
    public List<FluxStatistics> Bands { get; } = new();

    /// <summary>What the variability summary needs of the light curve (bounded per point: docs/streaming.md).</summary>
    public LightCurveDigest LightCurve { get; }

    /// <summary>
    /// Every association row of this source, in processing order: kept only where a fork may copy it
    /// to its children (TraP's matching, docs/science.md §5.6); null otherwise.
    /// </summary>
    public List<AssociationRecord>? History { get; }

    public List<long> SkyRegionIds { get; } = new();

    public NewSourceRecord? NewSource { get; set; }

    public FluxStatistics BandStatistics(int bandId)
    {
        var i = Bands.FindIndex(b => b.BandId >= bandId);
        if (i >= 0 && Bands[i].BandId == bandId) return Bands[i];
        var created = new FluxStatistics(bandId);
        Bands.Insert(i < 0 ? Bands.Count : i, created);
        return created;
    }
}
