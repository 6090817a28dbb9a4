using Trap.Dataset.Rows;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Scoring;

/// <summary>A candidate that is not an injected transient, or is one given another kind's class.</summary>
/// <param name="Kind">The true kind of its source ("None" when no true source explains it).</param>
/// <param name="TrueMaxSnr">The highest true peak S/N of its source over the images (NaN for none).</param>
/// <param name="Neighbour">The nearest other true source (null when it has no true source).</param>
/// <param name="PositionSigma">How far its blind positions in its band move, σ (docs/science.md §8.1).</param>
public sealed record WrongCandidate(CandidateRow Row, string Kind, double TrueMaxSnr, TrueNeighbour? Neighbour, double PositionSigma);

/// <summary>The true source nearest another: its id, kind, highest true S/N and distance (arcsec).</summary>
public sealed record TrueNeighbour(int SourceId, string Kind, double MaxSnr, double DistanceArcsec);

/// <summary>An injected transient, detectable in some accepted image, that no candidate (other than an artefact) selected.</summary>
/// <param name="RuncatId">The catalogue source its detections went to, if any.</param>
/// <param name="Candidate">Its candidate, when it was selected but classified an artefact.</param>
/// <param name="Blender">The nearest steady true source that is detectable (true S/N ≥ <see cref="CandidateMistakes.BlenderMinSnr"/>).</param>
/// <param name="Nearest">The catalogue source nearest its true position: what Trap made of it when it has none of its own.</param>
public sealed record MissedTransient(int SourceId, string Kind, double TrueMaxSnr, long? RuncatId, CandidateRow? Candidate, TrueNeighbour? Neighbour,
    TrueNeighbour? Blender, NearestCatalogueSource? Nearest);

/// <summary>A catalogue source near a position: its id, distance (arcsec), true source ("None" when no true source explains it) and candidate, if selected.</summary>
/// <param name="MaxEta">Its largest η_int over its bands (selection needs η and V both above their cuts, docs/science.md §8.4).</param>
/// <param name="MaxV">Its largest V_int over its bands.</param>
/// <param name="MaxPositionSigma">Its largest position shift over its bands, σ (docs/science.md §8.1).</param>
public sealed record NearestCatalogueSource(long RuncatId, double DistanceArcsec, string Kind, CandidateRow? Candidate, double MaxEta, double MaxV,
    double MaxPositionSigma);

/// <summary>The candidates `trap score` lists one by one (docs/science.md, "Scoring a run"), so a figure can be traced to its cause.</summary>
public static class CandidateMistakes
{
    public static IReadOnlyList<WrongCandidate> Wrong(IEnumerable<(CandidateRow Candidate, string Kind)> candidates,
        IReadOnlyDictionary<long, int> truthOfRuncat, IReadOnlyDictionary<int, double> maxSnr, IReadOnlyDictionary<string, string> classOfKind,
        Func<int, TrueNeighbour?> neighbour, PositionShifts shifts) =>
        candidates.Where(c => c.Candidate.Class != "artefact" && classOfKind.GetValueOrDefault(c.Kind) != c.Candidate.Class)
            .Select(c => new WrongCandidate(c.Candidate, c.Kind,
                truthOfRuncat.TryGetValue(c.Candidate.RuncatId, out var id) ? maxSnr[id] : double.NaN,
                truthOfRuncat.TryGetValue(c.Candidate.RuncatId, out var own) ? neighbour(own) : null,
                shifts.Sigma(c.Candidate.RuncatId, c.Candidate.BandId)))
            .OrderByDescending(w => w.Row.Score)
            .ToList();

    /// <summary>A steady neighbour fainter than this (true peak S/N, the survey's detectability) is not detected, so it cannot take a transient's detections.</summary>
    public const double BlenderMinSnr = 5;

    public static IReadOnlyList<MissedTransient> Missed(IEnumerable<SourceTruth> injected, IReadOnlySet<int> selected,
        IReadOnlyDictionary<long, int> truthOfRuncat, IReadOnlyList<CandidateRow> candidates, IReadOnlyDictionary<int, double> maxSnr,
        Func<int, TrueNeighbour?> neighbour, Func<int, TrueNeighbour?> blender, IReadOnlyList<RunningCatalogueRow> catalogue,
        IReadOnlyDictionary<int, string> kindOf, IReadOnlyList<CatalogueFluxRow> fluxes, PositionShifts shifts)
    {
        var bands = fluxes.ToLookup(f => f.RuncatId);
        var runcatOfTruth = truthOfRuncat.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Min(p => p.Key));
        var byRuncat = candidates.ToDictionary(c => c.RuncatId);
        return injected.Where(t => !selected.Contains(t.SourceId))
            .Select(t =>
            {
                long? runcat = runcatOfTruth.TryGetValue(t.SourceId, out var r) ? r : null;
                var nearest = catalogue.Where(c => !c.MonSrc)
                    .Select(c => (Row: c, Distance: Trap.Formats.Wcs.SkyGeometry.SeparationDeg(c.WmRaDeg, c.WmDecDeg, t.RaDeg, t.DecDeg) * 3600))
                    .MinBy(c => c.Distance);
                return new MissedTransient(t.SourceId, t.Kind, maxSnr[t.SourceId], runcat,
                    runcat is { } id ? byRuncat.GetValueOrDefault(id) : null, neighbour(t.SourceId), blender(t.SourceId),
                    nearest.Row is null ? null : new NearestCatalogueSource(nearest.Row.RuncatId, nearest.Distance,
                        truthOfRuncat.TryGetValue(nearest.Row.RuncatId, out var truth) ? kindOf[truth] : "None", byRuncat.GetValueOrDefault(nearest.Row.RuncatId),
                        bands[nearest.Row.RuncatId].Select(f => f.EtaInt).DefaultIfEmpty(0).Max(), bands[nearest.Row.RuncatId].Select(f => f.VInt).DefaultIfEmpty(0).Max(),
                        shifts.MaxSigma(nearest.Row.RuncatId)));
            })
            .ToList();
    }

    /// <summary>For each true source, the nearest other one that <paramref name="counts"/> (by their first truth rows' positions).</summary>
    public static Func<int, TrueNeighbour?> Neighbours(IEnumerable<SourceTruth> truthSources, IReadOnlyDictionary<int, double> maxSnr,
        Func<SourceTruth, bool>? counts = null)
    {
        var sources = truthSources.GroupBy(t => t.SourceId).Select(g => g.First()).ToList();
        var byId = sources.ToDictionary(t => t.SourceId);
        return id => sources.Where(o => o.SourceId != id && (counts is null || counts(o)))
            .Select(o => new TrueNeighbour(o.SourceId, o.Kind, maxSnr[o.SourceId],
                Trap.Formats.Wcs.SkyGeometry.SeparationDeg(byId[id].RaDeg, byId[id].DecDeg, o.RaDeg, o.DecDeg) * 3600))
            .MinBy(n => n.DistanceArcsec);
    }
}
