using Trap.Pipeline.Planning;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Streaming;
using Trap.Science.Association;

namespace Trap.Bench;

/// <summary>
/// stream-state: what `trap stream` keeps per committed image, fed as many images as wanted in seconds
/// (no pixels, so the machine's load does not matter): `stream-state [--images 200000] [--subbands 8]`.
/// AARTFAAC-like images (one timestep of --subbands images per batch, paths as the receiver names them,
/// 32-hex-digit fingerprints) go through what the stream keeps of each — the plan (<see cref="GrowingPlan"/>, nothing per image),
/// the processed paths (<see cref="ProcessedImages"/>, asked by a poll of the incoming folder each batch), the candidate
/// stage's images (<see cref="CommittedImages"/>, the older blocks in a file) — once for a feed whose committed files are
/// removed (the receiver's folder after cleanup, as the stream bench does) and once for one that keeps them; and, in the
/// same process, through the representation the stream kept before b41ce03 (docs/streaming.md, "What stays bounded": every
/// planned image's record with its header and strings, the fingerprints as strings in a dictionary, the paths as strings
/// in a hash set, a CandidateImage object per image by id). The all-in-memory representation of 1ae799d is gone; its
/// 49.0 bytes per image, measured by this bench, are printed beside. Prints, at the end of each quarter, the managed
/// heap after a full collection with each kept alive, and the slope in bytes per image from the first quarter to the
/// last; and the bytes the classes count themselves, and the spill file's.
/// </summary>
public static class StreamStateBenchmark
{
    private static readonly DateTime Start = new(2026, 12, 7, 7, 8, 0, DateTimeKind.Utc);

    public static int Run(string[] args)
    {
        var images = ClusterBenchmark.Option(args, "--images", 200_000);
        var subbands = ClusterBenchmark.Option(args, "--subbands", 8);
        Console.WriteLine($"stream-state: {images} images, {subbands} a timestep (one timestep a batch)");
        foreach (var make in new Func<IKeptPerImage>[] { () => new Before(), () => new After(filesRemoved: true), () => new After(filesRemoved: false) })
        {
            using var kept = make();
            var heap = new List<long> { Heap() };
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                for (var timestep = (quarter - 1) * images / subbands / 4; timestep < quarter * images / subbands / 4; timestep++)
                    kept.Commit(Enumerable.Range(timestep * subbands, subbands).Select(i => Entry(i, subbands)).ToList());
                heap.Add(Heap());
            }
            var perImage = (heap[4] - heap[1]) / (0.75 * images);
            Console.WriteLine($"  {kept.Name}: managed heap after a full collection by quarter " +
                              string.Join(" / ", heap.Skip(1).Select(b => $"{b / 1048576.0:F2}")) + $" MB; {perImage:F2} bytes per image (quarter 1 -> 4)" +
                              (kept.Counted is { } counted ? $"; counted by the classes: {counted}" : ""));
            GC.KeepAlive(kept);
        }
        Console.WriteLine("  measured before, all in memory (1ae799d, this bench, 7 December 2026): 49.0 bytes per image (paths 16.4 + images 32.7)");
        return 0;
    }

    private static long Heap() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>Image <paramref name="i"/> as the stream's poll reads it: the receiver's path, a fingerprint of its bytes.</summary>
    private static PlanEntry Entry(int i, int subbands)
    {
        var start = Start.AddMilliseconds(i / subbands * 166);
        return new PlanEntry($"/data/aartfaac/job/incoming/10.144.6.{i % subbands}_4100_{start:yyyyMMddTHHmmssfff}_{i:D8}.fits", null, start,
            60e6 + i % subbands * 0.2e6, 0.195e6, 10, 50, 30, 0.4 - i % subbands * 0.01, $"{(ulong)i * 0x9E3779B97F4A7C15UL:X16}{~(ulong)i:X16}");
    }

    private static CandidateImage Image(PlannedImage planned) =>
        new(planned.ImageId, planned.Header.Url, true, planned.BandId, planned.Header.StartUtc, planned.Header.BeamSemiMajorDeg, 0.0625, 1024, 1024);

    private interface IKeptPerImage : IDisposable
    {
        string Name { get; }

        string? Counted { get; }

        void Commit(List<PlanEntry> timestep);
    }

    /// <summary>What the stream keeps now, for a feed whose committed files are removed or kept.</summary>
    private sealed class After : IKeptPerImage
    {
        private readonly bool _filesRemoved;
        private readonly GrowingPlan _plan = new(new AssociationConfig());
        private readonly ProcessedImages _processed = ProcessedImages.FromDataset(Path.Combine(Path.GetTempPath(), "trap-stream-state-none"));
        private readonly string _spill = Path.Combine(Directory.CreateTempSubdirectory("trap-stream-state-").FullName, "stream-images.blocks");
        private readonly CommittedImages _images;
        private List<string> _committedLast = [];

        public After(bool filesRemoved)
        {
            _filesRemoved = filesRemoved;
            _images = new CommittedImages(_spill);
        }

        public string Name => _filesRemoved
            ? "now, committed files removed (paths pruned to the listing, CommittedImages with older blocks in a file)"
            : "now, committed files kept (every path listed, so held; CommittedImages with older blocks in a file)";

        public string Counted =>
            $"plan 0 + paths {_processed.RetainedBytes / (double)_images.Count:F2} ({_processed.Count} held) + " +
            $"images {_images.RetainedBytes / (double)_images.Count:F2} bytes per image in memory; " +
            $"spill file {new FileInfo(_spill).Length / (double)_images.Count:F1} bytes per image on disk";

        public void Commit(List<PlanEntry> timestep)
        {
            // The runner's paths are the poll's listing: other string objects than the plan's.
            var arrived = timestep.Select(e => new string(e.Url.AsSpan())).ToList();
            // The receiver's folder after cleanup lists the batch before (not removed yet) and the arrivals; a folder that keeps
            // its files lists them all, and a poll forgets none of them (ProcessedImagesTests), so it is not modelled there.
            if (_filesRemoved) _processed.NotCommitted(_committedLast.Concat(arrived).ToList());
            foreach (var image in _plan.Extend(timestep).Images) _images.Add(Image(image));
            _processed.Add(arrived, timestep[0].StartUtc);
            _committedLast = arrived;
        }

        public void Dispose()
        {
            _images.Dispose();
            Directory.Delete(Path.GetDirectoryName(_spill)!, recursive: true);
        }
    }

    /// <summary>What the stream kept before (the code of b32eb7e, modelled with the same types).</summary>
    private sealed class Before : IKeptPerImage
    {
        private readonly List<PlannedImage> _planned = new();
        private readonly List<IReadOnlyList<PlannedImage>> _timesteps = new();
        private readonly Dictionary<string, (int ImageId, string Url)> _firstWithHash = new(StringComparer.Ordinal);
        private readonly HashSet<string> _processed = new(StringComparer.Ordinal);
        private readonly Dictionary<long, CandidateImage> _images = new();

        public string Name => "before (plan records with headers, fingerprint and path strings, a CandidateImage per image)";

        public string? Counted => null;

        public void Dispose()
        {
        }

        public void Commit(List<PlanEntry> timestep)
        {
            var planned = timestep.Select((e, k) => new PlannedImage(_planned.Count + k, _timesteps.Count, k, 0, 0, e)).ToList();
            _timesteps.Add(planned);
            foreach (var image in planned)
            {
                _planned.Add(image);
                _firstWithHash[image.Header.ContentHash!] = ((int)image.ImageId, image.Header.Url);
                _images.Add(image.ImageId, Image(image));
                _processed.Add(new string(image.Header.Url.AsSpan()));
            }
        }
    }
}
