using Trap.Science.NewSources;

namespace Trap.Science.Association;

/// <summary>TraP assocxtrsource.type: how a measurement joined a catalogue source's light curve.</summary>
public enum AssociationType
{
    /// <summary>One-to-many: the measurement that forked a new catalogue source from an old one.</summary>
    OneToManyBase = 2,
    /// <summary>One-to-one, and each link of a many-to-one.</summary>
    OneToOne = 3,
    /// <summary>A blind detection that started a new catalogue source.</summary>
    NewSource = 4,
    /// <summary>History of the old source copied to each source forked from it.</summary>
    CopiedHistory = 6,
    /// <summary>Null-detection forced fit.</summary>
    NullDetection = 7,
    /// <summary>First forced fit at a monitor position (starts its catalogue source).</summary>
    FirstMonitor = 8,
    /// <summary>Later forced fit at a monitor position.</summary>
    Monitor = 9,
}

/// <summary>
/// One light-curve link (TraP assocxtrsource) with the measurement's band, time and fluxes
/// attached so a light curve can be read without a join. V and η (integrated and peak flux) are
/// those of the catalogue source's band statistics just after this measurement was added; a
/// <see cref="AssociationType.CopiedHistory"/> row keeps the values of the row it copies.
/// </summary>
public readonly record struct AssociationRecord(
    long RuncatId,
    long ExtractionId,
    long ImageId,
    int BandId,
    DateTime TimeUtc,
    AssociationType Type,
    double DistanceArcsec,
    double DeRuiterR,
    int FDatapoints,
    double VInt,
    double EtaInt,
    double VPeak,
    double EtaPeak,
    double FInt,
    double FIntErr,
    double FPeak,
    double FPeakErr);

/// <summary>Why a catalogue source was created.</summary>
public enum CatalogueOrigin
{
    NewSource = 0,
    Fork = 1,
    Monitor = 2,
}

/// <summary>
/// A catalogue source created while processing an image. Its id is the id of the measurement that
/// created it (<see cref="FirstExtractionId"/>), so ids never depend on scheduling.
/// <see cref="ParentRuncatId"/> is the old source of a fork; TraP deletes that parent, and every
/// record that names it is superseded (its history is re-issued, as type 6, under each child).
/// </summary>
public sealed record CatalogueEntryRecord(
    long RuncatId,
    long FirstExtractionId,
    long ImageId,
    CatalogueOrigin Origin,
    long? ParentRuncatId,
    double RaDeg,
    double DecDeg);

/// <summary>Kind of forced fit asked for.</summary>
public enum ForcedFitKind
{
    NullDetection = 1,
    Monitor = 2,
}

/// <summary>
/// A position to forced-fit in an image (docs/science.md §7.1): a catalogue source that image covers but
/// did not detect (<see cref="RuncatId"/>), or a monitor position (<see cref="MonitorId"/>).
/// The fit comes back as a <see cref="SourceMeasurement"/> with the same id set.
/// </summary>
public sealed record ForcedFitRequest(long ImageId, ForcedFitKind Kind, long? RuncatId, long? MonitorId, double RaDeg, double DecDeg);


/// <summary>Everything that happened to a bucket's catalogue while it processed one image.</summary>
public sealed record ImageAssociationResult(
    long ImageId,
    IReadOnlyList<AssociationRecord> Associations,
    IReadOnlyList<CatalogueEntryRecord> NewEntries,
    IReadOnlyList<long> RetiredRuncatIds,
    IReadOnlyList<NewSourceRecord> NewSources,
    IReadOnlyList<ForcedFitRequest> ForcedFitRequests,
    IReadOnlyList<long> DroppedExtractionIds);
