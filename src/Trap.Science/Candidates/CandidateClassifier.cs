namespace Trap.Science.Candidates;

/// <summary>
/// Rule-based classification of a candidate from its <see cref="CandidateFeatures"/>, in order:
/// 1. artefact — seen within edge_margin_beams of the searched area's border (margin or extraction circle), or within
///    bright_source_radius_beams of a source bright_source_ratio times brighter, or within duplicate_radius_beams
///    of another catalogue source (one source split into two identities, each measured off-centre);
/// 2. a source that appeared during the run (a new source): flare if its last flux is below fade_ratio
///    of its peak, else new_source;
/// 3. a source present from the start: fading if it ends below fade_ratio of its peak with a time trend
///    of −trend_min or less, else variable.
/// The score grows from 0.5 at the deciding threshold to 1 well beyond it, so it ranks candidates of a class.
/// </summary>
public static class CandidateClassifier
{
    public static Classification Classify(CandidateFeatures f, bool appeared, double etaSignificance, TransientSearchConfig config)
    {
        if (config.EdgeMarginBeams > 0 && f.EdgeDistanceBeams < config.EdgeMarginBeams)
        {
            return new(CandidateClass.Artefact, Beyond(config.EdgeMarginBeams - f.EdgeDistanceBeams, config.EdgeMarginBeams), "edge");
        }
        if (config.DuplicateRadiusBeams > 0 && f.NeighbourDistanceBeams < config.DuplicateRadiusBeams)
        {
            return new(CandidateClass.Artefact,
                Beyond(config.DuplicateRadiusBeams - f.NeighbourDistanceBeams, config.DuplicateRadiusBeams), "duplicate");
        }
        if (config.BrightSourceRadiusBeams > 0 && f.BrightNeighbourDistanceBeams < config.BrightSourceRadiusBeams)
        {
            return new(CandidateClass.Artefact,
                Beyond(config.BrightSourceRadiusBeams - f.BrightNeighbourDistanceBeams, config.BrightSourceRadiusBeams), "bright_neighbour");
        }
        if (appeared)
        {
            return f.LastToPeak < config.FadeRatio
                ? new(CandidateClass.Flare, Beyond(config.FadeRatio - f.LastToPeak, config.FadeRatio), "appeared_then_faded")
                : new(CandidateClass.NewSource, Beyond(f.LastToPeak - config.FadeRatio, 1 - config.FadeRatio), "appeared_and_stayed");
        }
        if (f.LastToPeak < config.FadeRatio && f.TimeTrend <= -config.TrendMin)
        {
            var score = Math.Min(Beyond(config.FadeRatio - f.LastToPeak, config.FadeRatio), Beyond(-f.TimeTrend - config.TrendMin, 1 - config.TrendMin));
            return new(CandidateClass.Fading, score, "steady_decline");
        }
        return new(CandidateClass.Variable, Math.Clamp(etaSignificance, 0.0, 1.0), "variable");
    }

    /// <summary>0.5 at the threshold (excess 0), rising linearly to 1 at an excess of <paramref name="scale"/>.</summary>
    private static double Beyond(double excess, double scale) =>
        scale > 0 ? Math.Clamp(0.5 + 0.5 * excess / scale, 0.5, 1.0) : 1.0;
}
