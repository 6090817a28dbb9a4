using Trap.Pipeline.Output.Rows;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Scoring;

/// <summary>A candidate that is not an injected transient, or is one given another kind's class.</summary>
/// <param name="Kind">The true kind of its source ("None" when no true source explains it).</param>
/// <param name="TrueMaxSnr">The highest true peak S/N of its source over the images (NaN for none).</param>
public sealed record WrongCandidate(CandidateRow Row, string Kind, double TrueMaxSnr);

/// <summary>An injected transient, detectable in some accepted image, that no candidate (other than an artefact) selected.</summary>
/// <param name="RuncatId">The catalogue source its detections went to, if any.</param>
/// <param name="Candidate">Its candidate, when it was selected but classified an artefact.</param>
public sealed record MissedTransient(int SourceId, string Kind, double TrueMaxSnr, long? RuncatId, CandidateRow? Candidate);

/// <summary>The candidates `trap score` lists one by one (docs/science.md, "Scoring a run"), so a figure can be traced to its cause.</summary>
public static class CandidateMistakes
{
    public static IReadOnlyList<WrongCandidate> Wrong(IEnumerable<(CandidateRow Candidate, string Kind)> candidates,
        IReadOnlyDictionary<long, int> truthOfRuncat, IReadOnlyDictionary<int, double> maxSnr, IReadOnlyDictionary<string, string> classOfKind) =>
        candidates.Where(c => c.Candidate.Class != "artefact" && classOfKind.GetValueOrDefault(c.Kind) != c.Candidate.Class)
            .Select(c => new WrongCandidate(c.Candidate, c.Kind,
                truthOfRuncat.TryGetValue(c.Candidate.RuncatId, out var id) ? maxSnr[id] : double.NaN))
            .OrderByDescending(w => w.Row.Score)
            .ToList();

    public static IReadOnlyList<MissedTransient> Missed(IEnumerable<SourceTruth> injected, IReadOnlySet<int> selected,
        IReadOnlyDictionary<long, int> truthOfRuncat, IReadOnlyList<CandidateRow> candidates, IReadOnlyDictionary<int, double> maxSnr)
    {
        var runcatOfTruth = truthOfRuncat.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Min(p => p.Key));
        var byRuncat = candidates.ToDictionary(c => c.RuncatId);
        return injected.Where(t => !selected.Contains(t.SourceId))
            .Select(t =>
            {
                long? runcat = runcatOfTruth.TryGetValue(t.SourceId, out var r) ? r : null;
                return new MissedTransient(t.SourceId, t.Kind, maxSnr[t.SourceId], runcat,
                    runcat is { } id ? byRuncat.GetValueOrDefault(id) : null);
            })
            .ToList();
    }
}
