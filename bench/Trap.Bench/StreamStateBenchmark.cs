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
/// the processed paths (<see cref="ProcessedImages"/>), the candidate stage's images (<see cref="CommittedImages"/>) —
/// and, in the same process, through the representation the stream kept before (docs/streaming.md, "What
/// stays bounded": every planned image's record with its header and strings, the fingerprints as strings in
/// a dictionary, the paths as strings in a hash set, a CandidateImage object per image by id). Prints, at the
/// end of each quarter, the managed heap after a full collection with each kept alive, and the slope in bytes
/// per image from the first quarter to the last; and the bytes the new classes count themselves.
/// </summary>
public static class StreamStateBenchmark
{
    private static readonly DateTime Start = new(2026, 12, 7, 7, 8, 0, DateTimeKind.Utc);

    public static int Run(string[] args)
    {
        var images = ClusterBenchmark.Option(args, "--images", 200_000);
        var subbands = ClusterBenchmark.Option(args, "--subbands", 8);
        Console.WriteLine($"stream-state: {images} images, {subbands} a timestep (one timestep a batch)");
        foreach (var make in new Func<IKeptPerImage>[] { () => new Before(), () => new After() })
        {
            var kept = make();
            var heap = new List<long> { Heap() };
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                for (var timestep = (quarter - 1) * images / subbands / 4; timestep < quarter * images / subbands / 4; timestep++)
                    kept.Commit(Enumerable.Range(timestep * subbands, subbands).Select(i => Entry(i, subbands)).ToList());
                heap.Add(Heap());
            }
            var perImage = (heap[4] - heap[1]) / (0.75 * images);
            Console.WriteLine($"  {kept.Name}: managed heap after a full collection by quarter " +
                              string.Join(" / ", heap.Skip(1).Select(b => $"{b / 1048576.0:F1}")) + $" MB; {perImage:F1} bytes per image (quarter 1 -> 4)" +
                              (kept.Counted is { } counted ? $"; counted by the classes: {counted}" : ""));
            GC.KeepAlive(kept);
        }
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

    private interface IKeptPerImage
    {
        string Name { get; }

        string? Counted { get; }

        void Commit(List<PlanEntry> timestep);
    }

    /// <summary>What the stream keeps now.</summary>
    private sealed class After : IKeptPerImage
    {
        private readonly GrowingPlan _plan = new(new AssociationConfig());
        private readonly ProcessedImages _processed = ProcessedImages.FromDataset(Path.Combine(Path.GetTempPath(), "trap-stream-state-none"));
        private readonly CommittedImages _images = new(Path.Combine(Directory.CreateTempSubdirectory("trap-stream-state-").FullName, "stream-images.blocks"));

        public string Name => "now (path hashes in a Hash128Set, CommittedImages)";

        public string Counted =>
            $"plan 0 + paths {_processed.RetainedBytes / (double)_processed.Count:F1} + " +
            $"images {_images.RetainedBytes / (double)_images.Count:F1} bytes per image";

        public void Commit(List<PlanEntry> timestep)
        {
            foreach (var image in _plan.Extend(timestep).Images) _images.Add(Image(image));
            // The runner's paths are the poll's listing: other string objects than the plan's.
            _processed.Add(timestep.Select(e => new string(e.Url.AsSpan())), timestep[0].StartUtc);
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
