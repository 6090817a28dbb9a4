using Trap.Dataset.Rows;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Scoring;

/// <summary>One blind detection and the true source it measures (null for a false detection).</summary>
/// <param name="Explained">Some true source with flux lies within the match radius, even if another detection took it.</param>
/// <param name="Isolated">No other true source of S/N ≥ 3 lies within 5 beam semi-major axes of the true one, so no neighbour's flux enters the fit (<see cref="TruthMatches.IsIsolated"/>).</param>
public sealed record BlindMatch(ExtractedSourceRow Row, SourceTruth? Truth, bool Explained, bool Isolated);

/// <summary>A true source counted for completeness, and whether a blind detection found it.</summary>
public sealed record CountedTruth(SourceTruth Truth, bool Found);

/// <summary>
/// Blind detections of accepted images matched one-to-one to the true sources of their image, brightest
/// truth first, nearest detection within one beam semi-major axis (at least 2 px) of the true position.
/// </summary>
public sealed class TruthMatches
{
    private readonly Dictionary<long, string> _fileOfImage;
    private readonly Dictionary<(string File, int SourceId), SourceTruth> _truth;
    private readonly Dictionary<string, List<SourceTruth>> _truthByFile;
    private readonly HashSet<string> _accepted;

    private TruthMatches(Dictionary<long, string> fileOfImage, Dictionary<(string, int), SourceTruth> truth,
        Dictionary<string, List<SourceTruth>> truthByFile, HashSet<string> accepted, List<BlindMatch> blind, List<CountedTruth> counted)
    {
        _fileOfImage = fileOfImage;
        _truth = truth;
        _truthByFile = truthByFile;
        _accepted = accepted;
        Blind = blind;
        Counted = counted;
    }

    public IReadOnlyList<BlindMatch> Blind { get; }

    /// <summary>True sources of accepted images that completeness counts: inside the searched area, not blanked.</summary>
    public IReadOnlyList<CountedTruth> Counted { get; }

    public bool Accepted(string truthFile) => _accepted.Contains(truthFile);

    /// <summary>The truth row of a source in an image; null when the image is not part of the survey.</summary>
    public SourceTruth? TruthIn(long imageId, int sourceId) =>
        _fileOfImage.TryGetValue(imageId, out var file) ? _truth.GetValueOrDefault((file, sourceId)) : null;

    /// <summary>
    /// The true source (of positive flux, on the image) nearest a pixel position of an image within the match radius;
    /// null when there is none or the image is not part of the survey. Monitoring fits find their true source so.
    /// </summary>
    public SourceTruth? TruthAt(long imageId, double x, double y) =>
        _fileOfImage.TryGetValue(imageId, out var file) && _truthByFile.TryGetValue(file, out var onImage)
            ? onImage.Where(t => t.InsideImage && t.FluxJy > 0 && Distance2(x, y, t) <= Radius2(t)).MinBy(t => Distance2(x, y, t))
            : null;

    /// <summary>No other true source of S/N ≥ 3 lies within 5 beam semi-major axes of <paramref name="t"/> in its image: no neighbour's flux enters a fit of it.</summary>
    public bool IsIsolated(SourceTruth t) => IsIsolated(t, _truthByFile.GetValueOrDefault(t.File) ?? new List<SourceTruth>());

    private static bool IsIsolated(SourceTruth t, List<SourceTruth> onImage) =>
        !onImage.Any(o => o.SourceId != t.SourceId && o.Snr >= 3 && o.FluxJy > 0 && o.InsideImage
                          && Math.Pow(o.X - t.X, 2) + Math.Pow(o.Y - t.Y, 2) < Math.Pow(5 * t.ConvolvedSemiMajorPx, 2));

    public static TruthMatches Build(IReadOnlyList<ImageRow> images, IReadOnlyList<ImageTruth> truthImages,
        IReadOnlyList<SourceTruth> truthSources, IReadOnlyList<ExtractedSourceRow> extracted, SearchedArea area)
    {
        var imageOfFile = truthImages.ToDictionary(t => t.File);
        var fileOfImage = new Dictionary<long, string>();
        foreach (var image in images)
        {
            var url = image.Url.Replace('\\', '/');
            var truth = truthImages.FirstOrDefault(t => url.EndsWith("/" + t.File, StringComparison.Ordinal) || url == t.File);
            if (truth is not null) fileOfImage[image.ImageId] = truth.File;
        }
        var accepted = images.Where(i => i.Accepted && fileOfImage.ContainsKey(i.ImageId)).Select(i => fileOfImage[i.ImageId]).ToHashSet();
        var truthByFile = truthSources.GroupBy(t => t.File).ToDictionary(g => g.Key, g => g.ToList());
        var blindByImage = extracted.Where(e => e.ExtractType == 0).GroupBy(e => e.ImageId).ToDictionary(g => g.Key, g => g.ToList());

        var blind = new List<BlindMatch>();
        var counted = new List<CountedTruth>();
        foreach (var (imageId, file) in fileOfImage)
        {
            if (!accepted.Contains(file)) continue;
            var rows = blindByImage.GetValueOrDefault(imageId) ?? new List<ExtractedSourceRow>();
            var onImage = (truthByFile.GetValueOrDefault(file) ?? new List<SourceTruth>()).Where(t => t.InsideImage && t.FluxJy > 0).ToList();
            var taken = new SourceTruth?[rows.Count];
            foreach (var t in onImage.OrderByDescending(t => t.Snr))
            {
                var best = Nearest(rows, t, i => taken[i] is null);
                if (best >= 0) taken[best] = t;
                if (!t.InNanBlock && area.Contains(t, imageOfFile[file])) counted.Add(new CountedTruth(t, best >= 0));
            }
            for (var i = 0; i < rows.Count; i++)
            {
                var explained = taken[i] is not null || onImage.Any(t => Distance2(rows[i], t) <= Radius2(t));
                blind.Add(new BlindMatch(rows[i], taken[i], explained, taken[i] is { } t && IsIsolated(t, onImage)));
            }
        }
        var truthIndex = truthSources.ToDictionary(t => (t.File, t.SourceId));
        return new TruthMatches(fileOfImage, truthIndex, truthByFile, accepted, blind, counted);
    }

    private static int Nearest(List<ExtractedSourceRow> rows, SourceTruth t, Func<int, bool> free)
    {
        var best = -1;
        var bestD2 = Radius2(t);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!free(i)) continue;
            var d2 = Distance2(rows[i], t);
            if (d2 <= bestD2)
            {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    private static double Distance2(ExtractedSourceRow row, SourceTruth t) => Distance2(row.XPix, row.YPix, t);

    private static double Distance2(double x, double y, SourceTruth t) => Math.Pow(x - t.X, 2) + Math.Pow(y - t.Y, 2);

    private static double Radius2(SourceTruth t) => Math.Pow(Math.Max(2.0, t.ConvolvedSemiMajorPx), 2);
}
