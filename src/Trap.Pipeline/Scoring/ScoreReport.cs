using System.Globalization;
using System.Text;

namespace Trap.Pipeline.Scoring;

/// <summary>A <see cref="SurveyScore"/> as the text `trap score` prints.</summary>
public static class ScoreReport
{
    public static string Format(SurveyScore s)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"completeness of blind detection by true peak S/N");
        foreach (var bin in s.Completeness)
        {
            Line($"  [{bin.Low,3}, {bin.High,3})  {bin.Found,6} of {bin.Total,6}  {bin.Fraction,6:F3}");
        }
        Line($"false detections     {s.FalseDetections} of {s.BlindDetections} blind detections");
        Line($"split identities     {s.SplitSources} of {s.IdentifiedSources} detected true sources have more than one catalogue source");
        Line($"pulls (isolated point sources, true S/N >= {SurveyScorer.PullMinSnr}): n, mean, std, robust std");
        Pull(text, "ra", s.RaPull);
        Pull(text, "dec", s.DecPull);
        Pull(text, "f_peak", s.PeakPull);
        Pull(text, "f_int", s.IntPull);
        foreach (var (low, high, pull) in s.IntPullBySnr) Pull(text, $"f_int [{low}, {high})", pull);
        Pull(text, "f_int forced", s.ForcedIntPull);
        Pull(text, "  isolated", s.IsolatedForcedIntPull);
        Pull(text, "f_int monitor", s.MonitorIntPull);
        Pull(text, "f_peak monitor", s.MonitorPeakPull);
        Line($"eta calibration      median eta_int of {s.SteadyEtaCount} steady sources {s.SteadyEtaMedian:F3}");
        Line($"candidates           precision {s.CandidatePrecision:F3} ({s.RealTransientCandidates} of {s.TransientCandidates}), recall {s.CandidateRecall:F3}, artefacts {s.ArtefactCandidates}");
        Line($"  {s.BlendedCandidates} of them are steady sources' catalogue sources whose light curve follows an injected transient within {SurveyScorer.BlendRadiusBeams} beams (counted as that transient)");
        Line($"  {s.UnsearchedTransients} injected transients were detectable only outside the searched area (not counted)");
        foreach (var r in s.Recall)
        {
            Line($"  {r.Kind,-10} recall {r.Recall,6:F3} ({r.Selected} of {r.Total}; {r.RightClass} given their class; {r.ThroughBlend} only through a blend)");
        }
        foreach (var p in s.Precision)
        {
            Line($"  {p.Class,-10} precision {p.Precision,6:F3} ({p.Right} of {p.Candidates})");
        }
        foreach (var ((cls, kind), count) in s.ClassByKind.OrderBy(p => p.Key))
        {
            Line($"  {cls,-10} given to {count,4} {kind}");
        }
        Line($"scores (no artefacts) highest steady {s.MaxSteadyScore:F3}, lowest transient {s.MinTransientScore:F3}");
        foreach (var w in s.WrongCandidates)
        {
            var c = w.Row;
            Line($"  wrong    runcat {c.RuncatId} {c.Class} ({c.ClassRule}; {c.SelectedBy}) score {c.Score:F3} is {w.Kind} (true S/N <= {w.TrueMaxSnr:F1}): eta {c.EtaInt:F2} V {c.VInt:F2} new {c.NewsourceType} last/peak {c.LastToPeak:F2} trend {c.TimeTrend:F2} edge {c.EdgeDistanceBeams:F2} forced {c.ForcedFraction:F2} position shift {w.PositionSigma:F1}σ{Near(w.Neighbour)}");
        }
        foreach (var b in s.Blends)
        {
            Line($"  blend    runcat {b.Row.RuncatId} {b.Row.Class} ({b.Row.SelectedBy}) counted as {b.Kind} {b.SourceId}: {b.DistanceArcsec / s.BeamFwhmArcsec:F2} beams away, light-curve correlation {b.Correlation:F2}");
        }
        foreach (var (c, kind) in s.Artefacts)
        {
            Line($"  artefact runcat {c.RuncatId} ({c.ClassRule}) is {kind}: edge {c.EdgeDistanceBeams:F2}, bright neighbour at {c.BrightNeighbourDistanceBeams:F2} beams, {c.BrightNeighbourFluxRatio:F1} times its peak");
        }
        foreach (var m in s.MissedTransients)
        {
            var why = m.Candidate is { } c ? $"classified {c.Class} ({c.ClassRule}), edge {c.EdgeDistanceBeams:F2}" : m.RuncatId is { } r ? $"catalogue source {r} not selected" : "no catalogue source";
            Line($"  missed   {m.Kind} {m.SourceId} (true S/N <= {m.TrueMaxSnr:F1}): {why}{Near(m.Neighbour)}{Blend(m, s.BeamFwhmArcsec)}");
        }
        return text.ToString();
    }

    private static string Near(TrueNeighbour? n) =>
        n is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; nearest true source {n.SourceId} ({n.Kind}, S/N <= {n.MaxSnr:F1}) at {n.DistanceArcsec:F0}\"");

    /// <summary>The nearest detectable steady source (distance in beam FWHM, S/N ratio) and the nearest catalogue source: where a missed transient's flux went.</summary>
    private static string Blend(MissedTransient m, double beamArcsec)
    {
        var text = "";
        if (m.Blender is { } b)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $"; steady {b.SourceId} at {b.DistanceArcsec / beamArcsec:F2} beams, S/N ratio {b.MaxSnr / m.TrueMaxSnr:F2}");
        }
        if (m.Nearest is { } n)
        {
            var what = n.Candidate is { } c ? $"candidate {c.Class} ({c.ClassRule})" : string.Create(CultureInfo.InvariantCulture, $"not selected: η {n.MaxEta:F2}, V {n.MaxV:F3}, position shift {n.MaxPositionSigma:F1}σ");
            text += string.Create(CultureInfo.InvariantCulture,
                $"; nearest catalogue source {n.RuncatId} ({n.Kind}, {what}) at {n.DistanceArcsec / beamArcsec:F2} beams");
        }
        return text;
    }

    private static void Pull(StringBuilder text, string name, PullStatistics p) =>
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-14} {p.Count,6}  {p.Mean,7:F3}  {p.Std,7:F3}  {p.RobustStd,7:F3}"));
}
