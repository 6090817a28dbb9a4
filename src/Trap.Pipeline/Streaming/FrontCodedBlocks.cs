using System.Buffers;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Byte strings kept in the order they were added, by index, at a few bytes each when they share long
/// prefixes (a stream's image paths and per-image values: docs/streaming.md, "What stays bounded"). In
/// blocks of 64, each block one byte array holding each item as its bytes after the longest prefix it
/// shares with one of the block's earlier items (which one, and how long), so that an image is coded
/// against the same feed's image of the timestep before rather than its neighbour in frequency.
/// Reading one decodes its block; the newest (an unfinished block) are kept as given.
/// </summary>
internal sealed class FrontCodedBlocks
{
    private const int BlockSize = 64;

    private readonly List<byte[]> _blocks = new();
    private readonly List<byte[]> _open = new(BlockSize);

    public int Count => _blocks.Count * BlockSize + _open.Count;

    /// <summary>The bytes kept: the blocks' arrays (with a 24-byte array header each), their list, the open block's items.</summary>
    public long RetainedBytes =>
        _blocks.Sum(b => 24L + (b.Length + 7) / 8 * 8) + 8L * _blocks.Capacity + _open.Sum(b => 24L + (b.Length + 7) / 8 * 8);

    public void Add(byte[] item)
    {
        _open.Add(item);
        if (_open.Count < BlockSize) return;
        _blocks.Add(Encode(_open));
        _open.Clear();
    }

    public byte[] this[int index]
    {
        get
        {
            if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"{Count} items are kept");
            var block = index / BlockSize;
            if (block == _blocks.Count) return _open[index % BlockSize];
            var decoded = new List<byte[]>(1);
            Decode(_blocks[block], index % BlockSize, onlyLast: true, decoded);
            return decoded[0];
        }
    }

    /// <summary>Every item in order, each block decoded once.</summary>
    public IEnumerable<byte[]> All()
    {
        var decoded = new List<byte[]>(BlockSize);
        foreach (var block in _blocks)
        {
            decoded.Clear();
            Decode(block, BlockSize - 1, onlyLast: false, decoded);
            foreach (var item in decoded) yield return item;
        }
        foreach (var item in _open.ToList()) yield return item;
    }

    private static byte[] Encode(List<byte[]> items)
    {
        var encoded = new MemoryStream();
        for (var k = 0; k < items.Count; k++)
        {
            var bytes = items[k];
            var (from, shared) = (0, 0);
            for (var i = 0; i < k; i++)
            {
                var common = bytes.AsSpan().CommonPrefixLength(items[i]);
                if (common > shared) (from, shared) = (i, common);
            }
            WriteCount(encoded, from);
            WriteCount(encoded, shared);
            WriteCount(encoded, bytes.Length - shared);
            encoded.Write(bytes, shared, bytes.Length - shared);
        }
        return encoded.ToArray();
    }

    /// <summary>Decodes the block's items up to number <paramref name="last"/> into <paramref name="into"/> (that one alone, or all).</summary>
    private static void Decode(byte[] block, int last, bool onlyLast, List<byte[]> into)
    {
        // The decoded items' bytes one after another; none is longer than the block.
        var bytes = ArrayPool<byte>.Shared.Rent(block.Length * BlockSize);
        Span<int> starts = stackalloc int[BlockSize];
        try
        {
            var (at, end) = (0, 0);
            for (var i = 0; i <= last && at < block.Length; i++)
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
