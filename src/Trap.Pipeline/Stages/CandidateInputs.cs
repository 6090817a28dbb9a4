using Trap.Dataset.Rows;
using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>
/// What the candidate stage needs from the rest of the run (all small: one row per image, source or
/// band). The images come by id, as `trap stream` keeps them between batches (docs/streaming.md).
/// </summary>
public sealed record CandidateInputs(
    string DatasetName,
    IReadOnlyList<FrequencyBand> Bands,
    IReadOnlyDictionary<long, CandidateImage> Images,
    IReadOnlyList<NewSourceRow> NewSources,
    IReadOnlyList<CatalogueSourceRecord> Catalogue,
    IReadOnlyList<BandFluxRecord> Fluxes);
