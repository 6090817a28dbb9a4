using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Trap.Pipeline.Stages;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The committed readable images as the candidate stage reads them (<see cref="CandidateImage"/>, by id), kept
/// for the whole stream in about 50 bytes each rather than an object, a dictionary entry and a path string
/// (docs/streaming.md, "What stays bounded"): per image its start and beam in a 24-byte entry, its band,
/// acceptance, pixel size and size as an index into the few distinct ones, its path front-coded
/// (<see cref="FrontCodedStrings"/>). A <see cref="CandidateImage"/> is made when asked for. Readable images
/// have the ids 0, 1, 2, ... in plan order, so an image's id is its place.
/// </summary>
internal sealed class CommittedImages : IReadOnlyDictionary<long, CandidateImage>
{
    /// <summary>Entries per array: 72 kB, under the large-object heap's 85 kB.</summary>
    private const int ChunkSize = 3072;

    private readonly List<Entry[]> _chunks = new();
    private readonly List<Shared> _shared = new();
    private readonly Dictionary<Shared, int> _sharedIds = new();
    private readonly FrontCodedStrings _paths = new();

    public int Count { get; private set; }

    /// <summary>The bytes kept: the entries' arrays, the distinct shared values, the paths.</summary>
    public long RetainedBytes => _chunks.Count * (24L + ChunkSize * 24L) + _shared.Count * 80L + _paths.RetainedBytes;

    /// <summary>Adds the next image (its id must be <see cref="Count"/>).</summary>
    public void Add(CandidateImage image)
    {
        if (image.ImageId != Count) throw new ArgumentException($"image {image.ImageId} added as the committed image {Count}", nameof(image));
        var shared = new Shared(image.Accepted, image.BandId, Bits(image.DeltayDeg), image.WidthPx, image.HeightPx);
        if (!_sharedIds.TryGetValue(shared, out var sharedId))
        {
            _sharedIds[shared] = sharedId = _shared.Count;
            _shared.Add(shared);
        }
        if (Count % ChunkSize == 0) _chunks.Add(new Entry[ChunkSize]);
        _chunks[^1][Count % ChunkSize] = new Entry(image.StartUtc?.ToBinary() ?? 0, Bits(image.RbSmajDeg) ?? 0, sharedId,
            (image.StartUtc is null ? Entry.NoStart : 0) | (image.RbSmajDeg is null ? Entry.NoBeam : 0));
        _paths.Add(image.Url);
        Count++;
    }

    public CandidateImage this[long key] =>
        TryGetValue(key, out var image) ? image : throw new KeyNotFoundException($"image {key} is not among the {Count} committed readable images");

    public bool TryGetValue(long key, [MaybeNullWhen(false)] out CandidateImage value)
    {
        if (!ContainsKey(key))
        {
            value = null;
            return false;
        }
        value = Image(key, _paths[(int)key]);
        return true;
    }

    private CandidateImage Image(long id, string path)
    {
        var entry = _chunks[(int)(id / ChunkSize)][id % ChunkSize];
        var shared = _shared[entry.Shared];
        return new CandidateImage(id, path, shared.Accepted, shared.BandId,
            (entry.Missing & Entry.NoStart) != 0 ? null : DateTime.FromBinary(entry.StartBinary),
            (entry.Missing & Entry.NoBeam) != 0 ? null : BitConverter.Int64BitsToDouble(entry.BeamBits),
            shared.DeltayBits is { } deltay ? BitConverter.Int64BitsToDouble(deltay) : null, shared.WidthPx, shared.HeightPx);
    }

    public bool ContainsKey(long key) => key >= 0 && key < Count;

    public IEnumerable<long> Keys
    {
        get
        {
            for (long id = 0; id < Count; id++) yield return id;
        }
    }

    /// <summary>Every image in id order, each block of paths decoded once (the backward fits look at all).</summary>
    public IEnumerable<CandidateImage> Values => _paths.All().Select((path, id) => Image(id, path));

    public IEnumerator<KeyValuePair<long, CandidateImage>> GetEnumerator() => Values.Select(i => KeyValuePair.Create(i.ImageId, i)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A double by its bits, so that every value (NaN, −0) comes back as it was.</summary>
    private static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;

    /// <summary>One image's own values: 24 bytes.</summary>
    private readonly record struct Entry(long StartBinary, long BeamBits, int Shared, int Missing)
    {
        public const int NoStart = 1;
        public const int NoBeam = 2;
    }

    /// <summary>What images of one band of one imager share.</summary>
    private readonly record struct Shared(bool Accepted, int? BandId, long? DeltayBits, int? WidthPx, int? HeightPx);
}
