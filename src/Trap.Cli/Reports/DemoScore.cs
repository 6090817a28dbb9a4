using System.Globalization;
using Trap.Dataset.Rows;
using Trap.Formats.Wcs;
using Trap.Simulation;
using Trap.Simulation.Sky;

namespace Trap.Cli.Reports;

/// <summary>
/// The demo against the truth it generated: each injected time-variable source found (a candidate
/// within <see cref="MatchRadiusArcsec"/>, with the class it got) or missed, and the candidates that
/// match none of them (edge artefacts, steady sources).
/// </summary>
public static class DemoScore
{
    /// <summary>Half a beam of the demo survey: a candidate this close is the injected source.</summary>
    public const double MatchRadiusArcsec = 30;

    public static void Print(Survey survey, IReadOnlyList<CandidateRow> candidates)
    {
        var c = CultureInfo.InvariantCulture;
        var injected = survey.Sources.Where(s => s.Kind != SourceKind.Steady).OrderBy(s => s.Kind).ThenBy(s => s.Id).ToList();
        var matched = new HashSet<long>();
        var found = 0;
        Console.WriteLine();
        Console.WriteLine($"Demo against its truth (a candidate within {MatchRadiusArcsec}″ of an injected source):");
        foreach (var source in injected)
        {
            var hit = candidates.Select(x => (Candidate: x, Distance: Separation(x, source)))
                .Where(p => p.Distance <= MatchRadiusArcsec).OrderBy(p => p.Distance).Select(p => p.Candidate).FirstOrDefault();
            if (hit is not null)
            {
                matched.Add(hit.RuncatId);
                found++;
            }
            Console.WriteLine(string.Format(c, "  {0,-9} {1,-10} RA {2,9:F4} Dec {3,9:+0.0000;-0.0000}  {4}", hit is null ? "MISSED" : "found", source.Kind,
                source.Position.RaDeg, source.Position.DecDeg, hit is null ? "" : $"as {hit.Class} (source {hit.RuncatId}, score {hit.Score:F2})").TrimEnd());
        }
        var others = candidates.Where(x => !matched.Contains(x.RuncatId)).GroupBy(x => x.Class).Select(g => $"{g.Count()} {g.Key}").ToList();
        Console.WriteLine($"  found {found} of {injected.Count} injected transients and variables; " +
                          $"{candidates.Count - matched.Count} other candidates{(others.Count > 0 ? " (" + string.Join(", ", others) + ")" : "")}");
    }

    private static double Separation(CandidateRow candidate, SimulatedSource source) =>
        SkyGeometry.SeparationDeg(candidate.RaDeg, candidate.DecDeg, source.Position.RaDeg, source.Position.DecDeg) * 3600;
}
