using System.Buffers.Binary;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Trap.Pipeline.Stages;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The committed readable images as the candidate stage reads them (<see cref="CandidateImage"/>, by id), kept
/// for the whole stream in a fixed amount of memory, not an object, a dictionary entry and a path string each
/// (docs/streaming.md, "What stays bounded"): the band, acceptance, pixel size and size as an index into the
/// few distinct ones; that index, the beam and the start as a 21-byte record, and the path, each front-coded
/// (<see cref="FrontCodedBlocks"/>: an image's record and path mostly repeat those of its band's image of the
/// timestep before), about 30 bytes an image, of which only the newest blocks stay in memory and the older
/// go to a file in the dataset's work folder (<see cref="SpilledBlocks"/>: 8 bytes in memory per 64 images).
/// A <see cref="CandidateImage"/> is made when asked for. Readable images have the ids 0, 1, 2, ... in plan
/// order, so an image's id is its place.
/// </summary>
internal sealed class CommittedImages(string spillFile) : IReadOnlyDictionary<long, CandidateImage>, IDisposable
{
    private const int RecordBytes = 21;
    private const byte NoStart = 1;
    private const byte NoBeam = 2;

    /// <summary>Each image's record and path (its two fields).</summary>
    private readonly FrontCodedBlocks _coded = new(fields: 2, new SpilledBlocks(spillFile));
    private readonly List<Shared> _shared = new();
    private readonly Dictionary<Shared, int> _sharedIds = new();

    public int Count => _coded.Count;

    /// <summary>The bytes kept in memory: the coded records and paths not spilled, and the distinct shared values (about 80 bytes each with their dictionary entry).</summary>
    public long RetainedBytes => _coded.RetainedBytes + _shared.Count * 80L;

    /// <summary>Adds the next image (its id must be <see cref="Count"/>); an <see cref="IOException"/> when the older blocks cannot be written out (the image is added all the same).</summary>
    public void Add(CandidateImage image)
    {
        if (image.ImageId != Count) throw new ArgumentException($"image {image.ImageId} added as the committed image {Count}", nameof(image));
        var shared = new Shared(image.Accepted, image.BandId, Bits(image.DeltayDeg), image.WidthPx, image.HeightPx);
        if (!_sharedIds.TryGetValue(shared, out var sharedId))
        {
            _sharedIds[shared] = sharedId = _shared.Count;
            _shared.Add(shared);
        }
        // Most shared first, so that the common prefix with the band's image before is most of the record.
        var record = new byte[RecordBytes];
        BinaryPrimitives.WriteInt32BigEndian(record, sharedId);
        record[4] = (byte)((image.StartUtc is null ? NoStart : 0) | (image.RbSmajDeg is null ? NoBeam : 0));
        BinaryPrimitives.WriteInt64BigEndian(record.AsSpan(5), Bits(image.RbSmajDeg) ?? 0);
        BinaryPrimitives.WriteInt64BigEndian(record.AsSpan(13), image.StartUtc?.ToBinary() ?? 0);
        _coded.Add([record, Encoding.UTF8.GetBytes(image.Url)]);
    }

    public CandidateImage this[long key] =>
        TryGetValue(key, out var image) ? image : throw new KeyNotFoundException($"image {key} is not among the {Count} committed readable images");

    public bool TryGetValue(long key, [MaybeNullWhen(false)] out CandidateImage value)
    {
        value = ContainsKey(key) ? Image(key, _coded[(int)key]) : null;
        return value is not null;
    }

    public bool ContainsKey(long key) => key >= 0 && key < Count;

    public IEnumerable<long> Keys
    {
        get
        {
            for (long id = 0; id < Count; id++) yield return id;
        }
    }

    /// <summary>Every image in id order, each block decoded once (the dictionary's enumeration; the candidate stage looks images up by id).</summary>
    public IEnumerable<CandidateImage> Values => _coded.All().Select((coded, id) => Image(id, coded));

    public IEnumerator<KeyValuePair<long, CandidateImage>> GetEnumerator() => Values.Select(i => KeyValuePair.Create(i.ImageId, i)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Closes the spill file (the stream's state is done with).</summary>
    public void Dispose() => _coded.Dispose();

    private CandidateImage Image(long id, byte[][] coded)
    {
        var (record, path) = (coded[0], coded[1]);
        var shared = _shared[BinaryPrimitives.ReadInt32BigEndian(record)];
        var missing = record[4];
        return new CandidateImage(id, Encoding.UTF8.GetString(path), shared.Accepted, shared.BandId,
            (missing & NoStart) != 0 ? null : DateTime.FromBinary(BinaryPrimitives.ReadInt64BigEndian(record.AsSpan(13))),
            (missing & NoBeam) != 0 ? null : BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(record.AsSpan(5))),
            shared.DeltayBits is { } deltay ? BitConverter.Int64BitsToDouble(deltay) : null, shared.WidthPx, shared.HeightPx);
    }

    /// <summary>A double by its bits, so that every value (NaN, −0) comes back as it was.</summary>
    private static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;

    /// <summary>What images of one band of one imager share.</summary>
    private readonly record struct Shared(bool Accepted, int? BandId, long? DeltayBits, int? WidthPx, int? HeightPx);
}
