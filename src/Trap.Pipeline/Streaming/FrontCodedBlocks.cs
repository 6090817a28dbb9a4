using System.Buffers;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Items of a few byte strings (fields) kept in the order they were added, by index, at a few bytes each
/// when they share long prefixes (a stream's image paths and per-image values: docs/streaming.md, "What
/// stays bounded"). In blocks of 64, each block one byte array holding, field after field, each item's
/// field as its bytes after the longest prefix it shares with the same field of one of the block's earlier
/// items (which one, and how long), so that an image is coded against the same feed's image of the
/// timestep before rather than its neighbour in frequency. Reading one decodes its block; the newest
/// (an unfinished block) are kept as given. Only the newest <see cref="KeptBlocks"/> blocks stay in memory:
/// older ones go to <see cref="SpilledBlocks"/>, so what memory keeps does not grow with the items.
/// </summary>
internal sealed class FrontCodedBlocks(int fields, SpilledBlocks spilled) : IDisposable
{
    private const int BlockSize = 64;

    /// <summary>Sealed blocks kept in memory: the candidate stage mostly reads recent images.</summary>
    public const int KeptBlocks = 16;

    /// <summary>The sealed blocks after the spilled ones, oldest first (more than <see cref="KeptBlocks"/> only while the spill cannot be written yet).</summary>
    private readonly List<byte[]> _kept = new();

    private readonly List<byte[][]> _open = new(BlockSize);

    public int Count => (spilled.Count + _kept.Count) * BlockSize + _open.Count;

    /// <summary>The bytes kept in memory: the kept blocks' arrays (with a 24-byte array header each), the open block's items, the spill's offsets and cache.</summary>
    public long RetainedBytes =>
        _kept.Sum(Bytes) + 8L * _kept.Capacity + _open.Sum(item => 24L + 8L * item.Length + item.Sum(Bytes)) + spilled.RetainedBytes;

    /// <summary>
    /// Adds an item (one byte string per field). When its block is full, blocks beyond the newest
    /// <see cref="KeptBlocks"/> are written out; if that fails (a full disk), the item is added all the same, the
    /// blocks stay in memory, and the error goes to the caller.
    /// </summary>
    public void Add(byte[][] item)
    {
        if (item.Length != fields) throw new ArgumentException($"an item of {item.Length} fields, not {fields}", nameof(item));
        _open.Add(item);
        if (_open.Count < BlockSize) return;
        _kept.Add(Encode(_open, fields));
        _open.Clear();
        while (_kept.Count > KeptBlocks && spilled.TryAppend(_kept[0])) _kept.RemoveAt(0);
    }

    /// <summary>Item <paramref name="index"/>'s fields.</summary>
    public byte[][] this[int index]
    {
        get
        {
            if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"{Count} items are kept");
            var block = index / BlockSize;
            if (block == spilled.Count + _kept.Count) return _open[index % BlockSize];
            var bytes = block < spilled.Count ? spilled[block] : _kept[block - spilled.Count];
            var item = new byte[fields][];
            var decoded = new List<byte[]>(1);
            for (var field = 0; field < fields; field++)
            {
                decoded.Clear();
                Decode(bytes, field, index % BlockSize, onlyLast: true, decoded);
                item[field] = decoded[0];
            }
            return item;
        }
    }

    /// <summary>Every item in order, each block read and decoded once.</summary>
    public IEnumerable<byte[][]> All()
    {
        var decoded = Enumerable.Range(0, fields).Select(_ => new List<byte[]>(BlockSize)).ToArray();
        foreach (var block in spilled.All().Concat(_kept.ToList()))
        {
            for (var field = 0; field < fields; field++)
            {
                decoded[field].Clear();
                Decode(block, field, BlockSize - 1, onlyLast: false, decoded[field]);
            }
            for (var k = 0; k < BlockSize; k++) yield return decoded.Select(d => d[k]).ToArray();
        }
        foreach (var item in _open.ToList()) yield return item;
    }

    /// <summary>Closes the spill file: items already written out can no longer be read.</summary>
    public void Dispose() => spilled.Dispose();

    private static long Bytes(byte[] array) => 24L + (array.Length + 7) / 8 * 8;

    private static byte[] Encode(List<byte[][]> items, int fields)
    {
        var encoded = new MemoryStream();
        for (var field = 0; field < fields; field++)
        {
            for (var k = 0; k < items.Count; k++)
            {
                var bytes = items[k][field];
                var (from, shared) = (0, 0);
                for (var i = 0; i < k; i++)
                {
                    var common = bytes.AsSpan().CommonPrefixLength(items[i][field]);
                    if (common > shared) (from, shared) = (i, common);
                }
                WriteCount(encoded, from);
                WriteCount(encoded, shared);
                WriteCount(encoded, bytes.Length - shared);
                encoded.Write(bytes, shared, bytes.Length - shared);
            }
        }
        return encoded.ToArray();
    }

    /// <summary>Decodes field <paramref name="field"/> of the block's items up to number <paramref name="last"/> into <paramref name="into"/> (that one alone, or all).</summary>
    private static void Decode(byte[] block, int field, int last, bool onlyLast, List<byte[]> into)
    {
        var at = 0;
        // The fields before: a block is full, so each holds all its items' codes.
        for (var skipped = 0; skipped < field * BlockSize; skipped++)
        {
            ReadCount(block, ref at);
            ReadCount(block, ref at);
            var rest = ReadCount(block, ref at);
            at += rest;
        }
        // The decoded items' bytes one after another; none is longer than the block.
        var bytes = ArrayPool<byte>.Shared.Rent(block.Length * BlockSize);
        Span<int> starts = stackalloc int[BlockSize];
        try
        {
            var end = 0;
            for (var i = 0; i <= last; i++)
            {
                var from = ReadCount(block, ref at);
                var shared = ReadCount(block, ref at);
                var rest = ReadCount(block, ref at);
                bytes.AsSpan(starts[from], shared).CopyTo(bytes.AsSpan(end));
                block.AsSpan(at, rest).CopyTo(bytes.AsSpan(end + shared));
                starts[i] = end;
                at += rest;
                end += shared + rest;
                if (!onlyLast || i == last) into.Add(bytes.AsSpan(starts[i], shared + rest).ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>A count in 7-bit groups, low first, the high bit set on all but the last.</summary>
    private static void WriteCount(Stream into, int count)
    {
        for (; count >= 0x80; count >>= 7) into.WriteByte((byte)(count | 0x80));
        into.WriteByte((byte)count);
    }

    private static int ReadCount(byte[] from, ref int at)
    {
        var count = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = from[at++];
            count |= (b & 0x7F) << shift;
            if (b < 0x80) return count;
        }
    }
}
