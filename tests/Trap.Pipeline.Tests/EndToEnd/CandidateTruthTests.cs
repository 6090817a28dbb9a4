using Trap.Dataset.Rows;
using Trap.Formats.Wcs;
using Xunit.Abstractions;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// Candidate selection and classification against a generated survey's truth, as a confusion matrix:
/// rows are the truth kinds (steady sources on the image edge apart), columns the class given, or
/// "none" for a source that was not selected.
/// </summary>
public class CandidateTruthTests : IClassFixture<CandidateSurveyRun>
{
    private const double MatchRadiusArcsec = 30;
    private static readonly string[] Columns = { "new_source", "flare", "fading", "variable", "artefact", "none" };
    private static readonly string[] Rows = { "NewSource", "Flare", "Fading", "Variable", "Steady", "SteadyEdge" };

    /// <summary>The class each truth kind should get.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["NewSource"] = "new_source", ["Flare"] = "flare", ["Fading"] = "fading", ["Variable"] = "variable",
        ["Steady"] = "none", ["SteadyEdge"] = "artefact",
    };

    private readonly CandidateSurveyRun _run;
    private readonly ITestOutputHelper _log;

    public CandidateTruthTests(CandidateSurveyRun run, ITestOutputHelper log)
    {
        _run = run;
        _log = log;
    }

    /// <summary>Truth row label → column → count, over truth sources that have a catalogue source.</summary>
    private Dictionary<string, Dictionary<string, int>> ConfusionMatrix()
    {
        var matrix = Rows.ToDictionary(r => r, _ => Columns.ToDictionary(c => c, _ => 0));
        var candidates = _run.Candidates.ToDictionary(c => c.RuncatId);
        foreach (var truth in _run.TruthSources.GroupBy(t => t.SourceId).Select(g => g.First()))
        {
            var runcat = _run.Catalogue.Where(c => !c.MonSrc)
                .Select(c => (Row: c, Distance: SkyGeometry.SeparationDeg(c.WmRaDeg, c.WmDecDeg, truth.RaDeg, truth.DecDeg) * 3600))
                .Where(p => p.Distance < MatchRadiusArcsec)
                .OrderBy(p => p.Distance)
                .Select(p => p.Row)
                .FirstOrDefault();
            if (runcat is null) continue;
            var row = truth.Kind == "Steady" && truth.OnEdge ? "SteadyEdge" : truth.Kind;
            var column = candidates.TryGetValue(runcat.RuncatId, out var candidate) ? candidate.Class : "none";
            matrix[row][column]++;
            if (column != Expected[row] && candidate is not null)
            {
                _log.WriteLine($"{row} {truth.SourceId} -> {column} ({candidate.ClassRule}, {candidate.SelectedBy}): eta {candidate.EtaInt:F1} V {candidate.VInt:F2} " +
                               $"new {candidate.NewsourceType} last/peak {candidate.LastToPeak:F2} trend {candidate.TimeTrend:F2} " +
                               $"edge {candidate.EdgeDistanceBeams:F2} bright {candidate.BrightNeighbourDistanceBeams:F1} forced {candidate.ForcedFraction:F2}");
            }
            else if (column != Expected[row])
            {
                var bands = _run.Fluxes.Where(f => f.RuncatId == runcat.RuncatId)
                    .Select(f => $"band {f.BandId}: N {f.FDatapoints} eta {f.EtaInt:F1} V {f.VInt:F2}");
                _log.WriteLine($"{row} {truth.SourceId} -> not selected ({string.Join("; ", bands)})");
            }
        }
        _log.WriteLine($"{"truth",-11}" + string.Concat(Columns.Select(c => $"{c,11}")));
        foreach (var row in Rows) _log.WriteLine($"{row,-11}" + string.Concat(Columns.Select(c => $"{matrix[row][c],11}")));
        return matrix;
    }

    [Fact]
    public void ConfusionMatrixMeetsItsBounds()
    {
        var m = ConfusionMatrix();
        int Total(string row) => m[row].Values.Sum();
        int Right(string row) => m[row][Expected[row]];

        var transients = new[] { "NewSource", "Flare", "Fading", "Variable" };
        var transientTotal = transients.Sum(Total);
        Assert.True(transientTotal >= 24, $"only {transientTotal} transients matched a catalogue source");
        var missed = transients.Sum(r => m[r]["none"]);
        Assert.True(missed <= 0.1 * transientTotal, $"{missed} of {transientTotal} transients were not selected");
        var correct = transients.Sum(Right);
        Assert.True(correct >= 0.8 * transientTotal, $"{correct} of {transientTotal} transients classified correctly");
        foreach (var kind in transients)
        {
            Assert.True(Right(kind) >= 0.6 * Total(kind), $"{kind}: {Right(kind)} of {Total(kind)} classified {Expected[kind]}");
        }

        var steady = Total("Steady");
        var steadySelected = steady - m["Steady"]["none"];
        var steadyAsTransient = steadySelected - m["Steady"]["artefact"];
        Assert.True(steadySelected <= 0.08 * steady, $"{steadySelected} of {steady} steady sources selected");
        Assert.True(steadyAsTransient <= 0.05 * steady, $"{steadyAsTransient} of {steady} steady sources called transient or variable");

        // Edge sources are often not selected at all (cut but steady); those that are must be artefacts.
        var edgeSelected = Total("SteadyEdge") - m["SteadyEdge"]["none"];
        Assert.True(Right("SteadyEdge") >= 0.75 * edgeSelected, $"{Right("SteadyEdge")} of {edgeSelected} selected edge sources called artefact");
    }

    [Fact]
    public void EveryCandidateHasAVoEventNamedByItsStableIvorn()
    {
        Assert.NotEmpty(_run.Candidates);
        foreach (var candidate in _run.Candidates)
        {
            Assert.Equal($"ivo://trap.local/transients#{new DirectoryInfo(_run.Folder).Name}-runcat-{candidate.RuncatId}", candidate.Ivorn);
            var file = Path.Combine(_run.OutputFolder, "voevents", candidate.Ivorn[(candidate.Ivorn.IndexOf('#') + 1)..] + ".xml");
            Assert.True(File.Exists(file), $"no VOEvent file {file}");
            Assert.Contains($"ivorn=\"{candidate.Ivorn}\"", File.ReadAllText(file));
            Assert.InRange(candidate.Score, 0.0, 1.0);
        }
        Assert.Equal(_run.Candidates.Count, Directory.GetFiles(Path.Combine(_run.OutputFolder, "voevents")).Length);
    }
}
