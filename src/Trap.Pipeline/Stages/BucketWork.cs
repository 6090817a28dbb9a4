using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>
/// Input of both reduce stages: one sky bucket. Its images (in association order, with their QC
/// verdicts) are in the working folder (<see cref="Work.WorkFolder.BucketImages"/>); the bucket
/// stage writes its tables as part <see cref="Bucket"/> of each table of <see cref="DatasetFolder"/>.
/// </summary>
public sealed record BucketWork(int Bucket, string WorkFolder, string DatasetFolder);

/// <summary>Output of the association stage: the images of the bucket for which forced fits were asked.</summary>
public sealed record BucketRequests(int Bucket, IReadOnlyList<ImageRequests> Images);

/// <summary>An image with forced-fit requests, how many, and its path.</summary>
public sealed record ImageRequests(long ImageId, string Url, int Count);

/// <summary>A monitor position and the catalogue source its first fit started.</summary>
public sealed record MonitorRuncat(long MonitorId, long RuncatId);

/// <summary>
/// Output of the catalogue stage: counts of what the bucket wrote, and the small per-source facts the
/// candidate stage needs (one row per catalogue source or source and band, never per measurement).
/// </summary>
public sealed record BucketTables(
    int Bucket,
    long Sources,
    long NewSourceCount,
    int InlineForcedFits,
    IReadOnlyList<CatalogueSourceRecord> Catalogue,
    IReadOnlyList<BandFluxRecord> Fluxes,
    IReadOnlyList<Trap.Dataset.Rows.NewSourceRow> NewSources,
    IReadOnlyList<MonitorRuncat> MonitorRuncats);
