using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Formats.Wcs;
using Trap.Pipeline.Output;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Scoring;

/// <summary>
/// Scores a run's dataset against the truth of the survey it ran on (`trap simulate`'s Parquet
/// files). How sources are matched and what each figure means: docs/science.md, "Scoring a run".
/// </summary>
public static class SurveyScorer
{
    /// <summary>Pulls use isolated point sources of true S/N ≥ 10, where the detection threshold no longer selects upward noise (Eddington bias).</summary>
    public const double PullMinSnr = 10;

    /// <summary>
    /// An injected transient within this many beam FWHM (major axis, the survey's median) of a steady source's candidate can be
    /// blended with it: the association cone at the default beamwidths_limit (3 semi-axes), inside which a detection can join that source.
    /// </summary>
    public const double BlendRadiusBeams = 1.5;

    public static readonly double[] SnrEdges = { 5, 8, 10, 15, 20, 50, double.PositiveInfinity };

    private static readonly string[] TransientKinds = { "Flare", "Fading", "NewSource", "Variable" };

    private static readonly Dictionary<string, string> ClassOfKind = new()
    {
        ["Flare"] = "flare", ["Fading"] = "fading", ["NewSource"] = "new_source", ["Variable"] = "variable",
    };

    public static async Task<SurveyScore> ScoreAsync(string outputFolder, string truthFolder)
    {
        var truthImages = TruthFiles.ReadImages(Path.Combine(truthFolder, TruthFiles.ImagesFile));
        var truthSources = TruthFiles.ReadSources(Path.Combine(truthFolder, TruthFiles.SourcesFile));
        var images = await ReadAsync<ImageRow>(outputFolder, DatasetTables.Images);
        var extracted = await ReadAsync<ExtractedSourceRow>(outputFolder, DatasetTables.ExtractedSources);
        var associations = await ReadAsync<AssociationRow>(outputFolder, DatasetTables.Associations);
        var catalogue = await ReadAsync<RunningCatalogueRow>(outputFolder, DatasetTables.RunningCatalogue);
        var fluxes = await ReadAsync<CatalogueFluxRow>(outputFolder, DatasetTables.RunningCatalogueFlux);
        var candidates = await ReadAsync<CandidateRow>(outputFolder, DatasetTables.Candidates);
        var area = SearchedArea.From(await ReadAsync<ConfigRow>(outputFolder, DatasetTables.Config));

        var matches = TruthMatches.Build(images, truthImages, truthSources, extracted, area);
        var runcatOfSource = associations.GroupBy(a => a.SourceId).ToDictionary(g => g.Key, g => g.Select(a => a.RuncatId).ToHashSet());
        var monitor = catalogue.Where(c => c.MonSrc).Select(c => c.RuncatId).ToHashSet();
        var truthOfRuncat = TruthOfRuncat(matches, runcatOfSource, monitor);
        var kindOf = truthSources.GroupBy(t => t.SourceId).ToDictionary(g => g.Key, g => g.First());

        var blind = matches.Blind;
        var pulled = blind.Where(m => m.Isolated && m.Truth is { } t && t.Snr >= PullMinSnr && t.IntrinsicMajorArcsec == 0).Select(m => (m.Row, Truth: m.Truth!)).ToList();
        var splits = blind.Where(m => m.Truth is not null)
            .GroupBy(m => m.Truth!.SourceId)
            .Select(g => g.SelectMany(m => runcatOfSource.GetValueOrDefault(m.Row.SourceId) ?? new HashSet<long>()).Where(r => !monitor.Contains(r)).ToHashSet().Count)
            .ToList();

        var forced = extracted.Where(e => e.ExtractType == 1 && e.FfRuncatId is { } r && truthOfRuncat.ContainsKey(r))
            .Select(e => (Row: e, Truth: matches.TruthIn(e.ImageId, truthOfRuncat[e.FfRuncatId!.Value])))
            .Where(p => p.Truth is { IntrinsicMajorArcsec: 0 })
            .Select(p => (p.Row, Truth: p.Truth!)).ToList();
        var monitored = extracted.Where(e => e.ExtractType == 2)
            .Select(e => (Row: e, Truth: matches.TruthAt(e.ImageId, e.XPix, e.YPix)))
            .Where(p => p.Truth is { IntrinsicMajorArcsec: 0 } t && matches.IsIsolated(t))
            .Select(p => (p.Row, Truth: p.Truth!)).ToList();

        var steadyEta = fluxes.Where(f => f.FDatapoints >= 3 && truthOfRuncat.TryGetValue(f.RuncatId, out var id)
                                          && kindOf[id] is { Kind: "Steady", OnEdge: false, IntrinsicMajorArcsec: 0 })
            .Select(f => f.EtaInt).ToList();

        // Only the searched area can be searched: a transient that was detectable only in the margin is no loss of recall.
        var detectable = matches.Counted.Where(c => c.Truth.Detectable).Select(c => c.Truth.SourceId).ToHashSet();
        var unsearched = truthSources.Where(t => TransientKinds.Contains(t.Kind) && t.Detectable && matches.Accepted(t.File))
            .Select(t => t.SourceId).Distinct().Count(id => !detectable.Contains(id));
        var blendRadiusDeg = BlendRadiusBeams * PullStatistics.Median(truthImages.Select(i => i.BeamMajorDeg).ToList());
        var injected = kindOf.Values.Where(t => TransientKinds.Contains(t.Kind) && detectable.Contains(t.SourceId)).ToList();
        var blends = new BlendCredit(associations, matches, blendRadiusDeg);
        var candidateSource = candidates.ToDictionary(c => c.RuncatId, c => SourceOf(c, truthOfRuncat, kindOf, injected, blends));
        var candidateTruth = candidates.Select(c => (Candidate: c, Kind: candidateSource[c.RuncatId] is { } id ? kindOf[id].Kind : "None")).ToList();
        var transientCandidates = candidateTruth.Where(c => c.Candidate.Class != "artefact").ToList();
        var blended = transientCandidates.Where(c => candidateSource[c.Candidate.RuncatId] is { } id
                                                     && (!truthOfRuncat.TryGetValue(c.Candidate.RuncatId, out var own) || own != id))
            .Select(c =>
            {
                var t = kindOf[candidateSource[c.Candidate.RuncatId]!.Value];
                return new CreditedBlend(c.Candidate, t.SourceId, t.Kind,
                    SkyGeometry.SeparationDeg(c.Candidate.RaDeg, c.Candidate.DecDeg, t.RaDeg, t.DecDeg) * 3600, blends.Correlation(c.Candidate, t.SourceId));
            }).ToList();
        var shifts = new PositionShifts(associations, extracted, catalogue);
        var maxSnr = truthSources.GroupBy(t => t.SourceId).ToDictionary(g => g.Key, g => g.Max(t => t.Snr));
        var neighbours = CandidateMistakes.Neighbours(truthSources, maxSnr);
        var blenders = CandidateMistakes.Neighbours(truthSources, maxSnr, t => t.Kind == "Steady" && maxSnr[t.SourceId] >= CandidateMistakes.BlenderMinSnr);
        var selectedTruth = candidateTruth.Where(c => c.Candidate.Class != "artefact" && candidateSource[c.Candidate.RuncatId] is not null)
            .GroupBy(c => candidateSource[c.Candidate.RuncatId]!.Value).ToDictionary(g => g.Key, g => g.Select(c => c.Candidate.Class).ToHashSet());
        var selectedOwn = transientCandidates.Where(c => truthOfRuncat.TryGetValue(c.Candidate.RuncatId, out var own) && own == candidateSource[c.Candidate.RuncatId])
            .Select(c => candidateSource[c.Candidate.RuncatId]!.Value).ToHashSet();

        return new SurveyScore
        {
            Completeness = Completeness(matches),
            BlindDetections = blind.Count,
            FalseDetections = blind.Count(m => !m.Explained),
            IdentifiedSources = splits.Count,
            SplitSources = splits.Count(n => n > 1),
            RaPull = PullStatistics.Of(pulled.Select(p => WrapDegrees(p.Row.RaDeg - p.Truth.RaDeg) / p.Row.RaFitErrDeg)),
            DecPull = PullStatistics.Of(pulled.Select(p => (p.Row.DecDeg - p.Truth.DecDeg) / p.Row.DecFitErrDeg)),
            PeakPull = PullStatistics.Of(pulled.Select(p => (p.Row.FPeakJy - p.Truth.PeakJyPerBeam) / p.Row.FPeakErrJy)),
            IntPull = PullStatistics.Of(pulled.Select(p => (p.Row.FIntJy - p.Truth.FluxJy) / p.Row.FIntErrJy)),
            IntPullBySnr = SnrEdges.Zip(SnrEdges.Skip(1)).Where(b => b.First >= PullMinSnr)
                .Select(b => (b.First, b.Second, PullStatistics.Of(pulled.Where(p => p.Truth.Snr >= b.First && p.Truth.Snr < b.Second)
                    .Select(p => (p.Row.FIntJy - p.Truth.FluxJy) / p.Row.FIntErrJy)))).ToList(),
            ForcedIntPull = PullStatistics.Of(forced.Select(IntPullOf)),
            IsolatedForcedIntPull = PullStatistics.Of(forced.Where(p => matches.IsIsolated(p.Truth)).Select(IntPullOf)),
            MonitorIntPull = PullStatistics.Of(monitored.Select(IntPullOf)),
            MonitorPeakPull = PullStatistics.Of(monitored.Select(p => (p.Row.FPeakJy - p.Truth.PeakJyPerBeam) / p.Row.FPeakErrJy)),
            SteadyEtaMedian = PullStatistics.Median(steadyEta),
            SteadyEtaCount = steadyEta.Count,
            Recall = TransientKinds.Select(kind =>
            {
                var ofKind = injected.Where(t => t.Kind == kind).Select(t => t.SourceId).ToList();
                return new KindRecall(kind, ofKind.Count, ofKind.Count(selectedTruth.ContainsKey),
                    ofKind.Count(id => selectedTruth.TryGetValue(id, out var classes) && classes.Contains(ClassOfKind[kind])),
                    ofKind.Count(id => selectedTruth.ContainsKey(id) && !selectedOwn.Contains(id)));
            }).ToList(),
            Precision = ClassOfKind.Select(p => new ClassPrecision(p.Value,
                transientCandidates.Count(c => c.Candidate.Class == p.Value),
                transientCandidates.Count(c => c.Candidate.Class == p.Value && c.Kind == p.Key))).ToList(),
            ClassByKind = candidateTruth.GroupBy(c => (c.Candidate.Class, c.Kind)).ToDictionary(g => g.Key, g => g.Count()),
            TransientCandidates = transientCandidates.Count,
            RealTransientCandidates = transientCandidates.Count(c => TransientKinds.Contains(c.Kind)),
            ArtefactCandidates = candidates.Count - transientCandidates.Count,
            UnsearchedTransients = unsearched,
            WrongCandidates = CandidateMistakes.Wrong(candidateTruth, truthOfRuncat, maxSnr, ClassOfKind, neighbours, shifts),
            Blends = blended,
            Artefacts = candidateTruth.Where(c => c.Candidate.Class == "artefact").ToList(),
            MissedTransients = CandidateMistakes.Missed(injected,
                selectedTruth.Keys.ToHashSet(), truthOfRuncat, candidates, maxSnr, neighbours, blenders, catalogue,
                kindOf.ToDictionary(k => k.Key, k => k.Value.Kind), fluxes, shifts),
            BeamFwhmArcsec = blendRadiusDeg / BlendRadiusBeams * 3600,
            MaxSteadyScore = MaxOrNaN(transientCandidates.Where(c => !TransientKinds.Contains(c.Kind)).Select(c => c.Candidate.Score)),
            MinTransientScore = -MaxOrNaN(transientCandidates.Where(c => TransientKinds.Contains(c.Kind)).Select(c => -c.Candidate.Score)),
        };
    }

    /// <summary>
    /// The true source a candidate found: the one most of its detections belong to, unless that is no
    /// injected transient and the candidate's light curve shows one blended with it (<see cref="BlendCredit"/>);
    /// null when no true source explains it.
    /// </summary>
    private static int? SourceOf(CandidateRow c, IReadOnlyDictionary<long, int> truthOfRuncat, IReadOnlyDictionary<int, SourceTruth> kindOf,
        IReadOnlyList<SourceTruth> injected, BlendCredit blends)
    {
        int? own = truthOfRuncat.TryGetValue(c.RuncatId, out var id) ? id : null;
        if (own is { } o && TransientKinds.Contains(kindOf[o].Kind)) return own;
        return blends.Find(c, injected) ?? own;
    }

    private static List<CompletenessBin> Completeness(TruthMatches matches)
    {
        var counted = matches.Counted;
        return SnrEdges.Zip(SnrEdges.Skip(1), (lo, hi) =>
        {
            var bin = counted.Where(c => c.Truth.Snr >= lo && c.Truth.Snr < hi).ToList();
            return new CompletenessBin(lo, hi, bin.Count, bin.Count(c => c.Found));
        }).ToList();
    }

    /// <summary>Each catalogue source's true source: the one most of its blind detections belong to.</summary>
    private static Dictionary<long, int> TruthOfRuncat(TruthMatches matches, Dictionary<long, HashSet<long>> runcatOfSource, HashSet<long> monitor) =>
        matches.Blind.Where(m => m.Truth is not null)
            .SelectMany(m => (runcatOfSource.GetValueOrDefault(m.Row.SourceId) ?? new HashSet<long>()).Where(r => !monitor.Contains(r)).Select(r => (Runcat: r, m.Truth!.SourceId)))
            .GroupBy(p => p.Runcat)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.SourceId).MaxBy(s => s.Count())!.Key);

    private static double IntPullOf((ExtractedSourceRow Row, SourceTruth Truth) p) => (p.Row.FIntJy - p.Truth.FluxJy) / p.Row.FIntErrJy;

    private static double WrapDegrees(double d) => d - 360 * Math.Round(d / 360);

    private static double MaxOrNaN(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Max();
    }

    private static async Task<List<T>> ReadAsync<T>(string folder, string table) where T : class, new()
    {
        var rows = new List<T>();
        await foreach (var row in ParquetTableReader.ReadTableAsync<T>(folder, table)) rows.Add(row);
        return rows;
    }
}
