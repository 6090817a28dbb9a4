using Trap.Dataset.Rows;

namespace Trap.Pipeline.Scoring;

/// <summary>Found / total true sources of one true-peak-S/N bin [Low, High).</summary>
public readonly record struct CompletenessBin(double Low, double High, int Total, int Found)
{
    public double Fraction => Total == 0 ? double.NaN : Found / (double)Total;
}

/// <summary>
/// For one truth kind: injected sources that were detectable once, how many were selected as candidates, how many got their own
/// class, and how many of the selected were found only through a blend (a steady source's candidate whose light curve shows them).
/// </summary>
public readonly record struct KindRecall(string Kind, int Total, int Selected, int RightClass, int ThroughBlend)
{
    public double Recall => Total == 0 ? double.NaN : Selected / (double)Total;
}

/// <summary>For one candidate class: candidates given it, and how many are truly of the kind it names.</summary>
public readonly record struct ClassPrecision(string Class, int Candidates, int Right)
{
    public double Precision => Candidates == 0 ? double.NaN : Right / (double)Candidates;
}

/// <summary>A candidate counted as the injected transient blended with it: the transient, its distance from the candidate's position (arcsec) and the light curves' correlation.</summary>
public sealed record CreditedBlend(CandidateRow Row, int SourceId, string Kind, double DistanceArcsec, double Correlation);

/// <summary>
/// A run measured against its survey's truth (docs/science.md, "Scoring a run"): blind detections,
/// catalogue identities, error calibration, variability calibration and candidates.
/// </summary>
public sealed record SurveyScore
{
    public required IReadOnlyList<CompletenessBin> Completeness { get; init; }

    /// <summary>Blind detections in accepted images, and those no true source explains.</summary>
    public required int BlindDetections { get; init; }

    public required int FalseDetections { get; init; }

    /// <summary>True sources with blind detections, and those whose detections went to more than one catalogue source.</summary>
    public required int IdentifiedSources { get; init; }

    public required int SplitSources { get; init; }

    /// <summary>Blind-detection pulls (point sources of true S/N ≥ <see cref="SurveyScorer.PullMinSnr"/>).</summary>
    public required PullStatistics RaPull { get; init; }

    public required PullStatistics DecPull { get; init; }

    public required PullStatistics PeakPull { get; init; }

    public required PullStatistics IntPull { get; init; }

    /// <summary>f_int pulls of blind detections per true-S/N bin [Low, High) from <see cref="SurveyScorer.PullMinSnr"/> up.</summary>
    public required IReadOnlyList<(double Low, double High, PullStatistics Pull)> IntPullBySnr { get; init; }

    /// <summary>f_int pulls of forced fits (null detections) at catalogue sources of known truth, blends included.</summary>
    public required PullStatistics ForcedIntPull { get; init; }

    /// <summary>
    /// <see cref="ForcedIntPull"/> of isolated true sources only (<see cref="TruthMatches.IsIsolated"/>). Still selected:
    /// a source is fitted where blind extraction missed it, so its noise there was low (docs/science.md, "Scoring a run").
    /// </summary>
    public required PullStatistics IsolatedForcedIntPull { get; init; }

    /// <summary>f_int pulls of monitoring-list fits at isolated true point sources: forced fits in every image, selected by nothing.</summary>
    public required PullStatistics MonitorIntPull { get; init; }

    /// <summary>f_peak pulls of the same monitoring-list fits (truth peak_jy_beam).</summary>
    public required PullStatistics MonitorPeakPull { get; init; }

    /// <summary>Median η_int of steady point sources (catalogue bands with ≥ 3 points); ~1 when flux errors are right.</summary>
    public required double SteadyEtaMedian { get; init; }

    public required int SteadyEtaCount { get; init; }

    public required IReadOnlyList<KindRecall> Recall { get; init; }

    public required IReadOnlyList<ClassPrecision> Precision { get; init; }

    /// <summary>Candidates by class given and true kind ("None" for a catalogue source of no true source).</summary>
    public required IReadOnlyDictionary<(string Class, string Kind), int> ClassByKind { get; init; }

    /// <summary>Candidates other than artefacts, and those that are injected transients or variables.</summary>
    public required int TransientCandidates { get; init; }

    public required int RealTransientCandidates { get; init; }

    public required int ArtefactCandidates { get; init; }

    /// <summary>Candidates that are not of the kind their class names (artefacts apart), highest score first.</summary>
    public required IReadOnlyList<WrongCandidate> WrongCandidates { get; init; }

    /// <summary>Candidates classified artefact, with the true kind of their source ("None" when no true source explains it).</summary>
    public required IReadOnlyList<(CandidateRow Row, string Kind)> Artefacts { get; init; }

    /// <summary>Injected transients, detectable once, that were not selected.</summary>
    public required IReadOnlyList<MissedTransient> MissedTransients { get; init; }

    /// <summary>The survey's median beam major axis (FWHM, arcsec): the unit of the distances listed in beams.</summary>
    public required double BeamFwhmArcsec { get; init; }

    /// <summary>Candidates (artefacts apart) whose detections are mostly a steady source's, whose light curve shows an injected transient within <see cref="SurveyScorer.BlendRadiusBeams"/>: counted as that transient.</summary>
    public required IReadOnlyList<CreditedBlend> Blends { get; init; }

    public int BlendedCandidates => Blends.Count;

    /// <summary>Injected transients detectable in an accepted image, but never inside its searched area (not counted in recall).</summary>
    public required int UnsearchedTransients { get; init; }

    /// <summary>Highest score of a candidate (artefacts apart) that is no injected transient, and lowest of one that is (NaN when none).</summary>
    public required double MaxSteadyScore { get; init; }

    public required double MinTransientScore { get; init; }

    public double CandidatePrecision => TransientCandidates == 0 ? double.NaN : RealTransientCandidates / (double)TransientCandidates;

    public double CandidateRecall
    {
        get
        {
            var total = Recall.Sum(r => r.Total);
            return total == 0 ? double.NaN : Recall.Sum(r => r.Selected) / (double)total;
        }
    }
}
