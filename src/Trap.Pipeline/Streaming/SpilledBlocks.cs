using Microsoft.Win32.SafeHandles;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Blocks of bytes moved out of memory into an append-only file Trap names in the dataset's work folder,
/// read back by number (docs/streaming.md, "What stays bounded"): what stays in memory is one end offset
/// per block and the last few blocks read, since a candidate's light curve asks for its images one after
/// another. The file is a scratch copy of what the dataset holds: it is replaced when first written by a
/// new stream state, never read by another, and never synced to disk.
/// </summary>
internal sealed class SpilledBlocks(string path) : IDisposable
{
    private const int CachedBlocks = 8;

    /// <summary>Where each block ends in the file; block b begins where block b − 1 ends.</summary>
    private readonly List<long> _ends = new();

    /// <summary>The blocks read last, the most recent at the end.</summary>
    private readonly List<(int Block, byte[] Bytes)> _cache = new(CachedBlocks);

    private readonly string _path = path;

    private SafeFileHandle? _file;

    public int Count => _ends.Count;

    /// <summary>The bytes kept in memory: the end offsets and the cached blocks (with a 24-byte array header each).</summary>
    public long RetainedBytes
    {
        get
        {
            lock (_cache) return 8L * _ends.Capacity + _cache.Sum(c => 24L + (c.Bytes.Length + 7) / 8 * 8);
        }
    }

    /// <summary>
    /// Writes <paramref name="block"/> after the others; false, and nothing written, while the work folder
    /// does not exist yet (a new dataset's first batch works in its staging until the commit). A failed
    /// write (a full disk) throws and leaves the blocks as they were: the block is still the caller's.
    /// </summary>
    public bool TryAppend(byte[] block)
    {
        if (_file is null && !Directory.Exists(Path.GetDirectoryName(_path))) return false;
        var at = Count == 0 ? 0 : _ends[^1];
        try
        {
            _file ??= Create(_path);
            RandomAccess.Write(_file, block, at);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"trap stream could not move {block.Length} bytes of its committed images out of memory into {_path}: {e.Message} " +
                                  "(is the disk full?). The batch fails; a restarted stream rebuilds its state from the dataset.", e);
        }
        _ends.Add(at + block.Length);
        return true;
    }

    /// <summary>Block <paramref name="block"/>, from the cache or the file.</summary>
    public byte[] this[int block]
    {
        get
        {
            lock (_cache)
            {
                for (var i = 0; i < _cache.Count; i++)
                {
                    if (_cache[i].Block != block) continue;
                    var hit = _cache[i];
                    _cache.RemoveAt(i);
                    _cache.Add(hit);
                    return hit.Bytes;
                }
                var bytes = Read(block);
                if (_cache.Count == CachedBlocks) _cache.RemoveAt(0);
                _cache.Add((block, bytes));
                return bytes;
            }
        }
    }

    /// <summary>Every block in order, read from the file past the cache (a pass over all would only empty it).</summary>
    public IEnumerable<byte[]> All()
    {
        for (var block = 0; block < Count; block++) yield return Read(block);
    }

    public void Dispose() => _file?.Dispose();

    private byte[] Read(int block)
    {
        var from = block == 0 ? 0 : _ends[block - 1];
        var bytes = new byte[_ends[block] - from];
        ObjectDisposedException.ThrowIf(_file is null || _file.IsClosed, this);
        for (var read = 0; read < bytes.Length;)
        {
            var got = RandomAccess.Read(_file, bytes.AsSpan(read), from + read);
            if (got == 0) throw new EndOfStreamException($"{_path} ends before its block {block}: was it changed by another process?");
            read += got;
        }
        return bytes;
    }

    /// <summary>A new file: one a previous stream left (killed, or rebuilt) is replaced, not truncated, so no handle on it sees a change.</summary>
    private static SafeFileHandle Create(string path)
    {
        File.Delete(path);
        return File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
    }
}
