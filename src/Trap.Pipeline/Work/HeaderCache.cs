using System.Text.Json;
using Trap.Pipeline.Planning;

namespace Trap.Pipeline.Work;

/// <summary>An image's planning record with the size and modification time its file had when it was read.</summary>
public sealed record CachedHeader(long Length, long LastWriteUtcTicks, PlanEntry Entry);

/// <summary>
/// What planning read from each image's header (and the fingerprint of its bytes), kept in the
/// dataset's work folder so that an appended run (`trap run --append`, every batch of `trap stream`)
/// reads and fingerprints only the images that are new or changed: a file with the same path, size
/// and modification time (to the filesystem's resolution) under the same configuration is taken as
/// unchanged, as make and rsync do. Unreadable images are read again every time.
/// </summary>
public sealed class HeaderCache
{
    private readonly Dictionary<string, CachedHeader> _byUrl;
    private readonly string _configHash;

    private HeaderCache(string configHash, Dictionary<string, CachedHeader> byUrl)
    {
        _configHash = configHash;
        _byUrl = byUrl;
    }

    private sealed record Contents(string ConfigHash, List<KeyValuePair<string, CachedHeader>> Headers);

    public static HeaderCache Empty(string configHash) => new(configHash, new Dictionary<string, CachedHeader>(StringComparer.Ordinal));

    /// <summary>The cache of an earlier run's work folder; empty when it has none, cannot be read, or had another configuration.</summary>
    public static HeaderCache Open(WorkFolder previous, string configHash)
    {
        try
        {
            if (File.Exists(previous.Headers) && WorkFile.ReadValue<Contents>(previous.Headers) is { } contents && contents.ConfigHash == configHash)
            {
                // An image appended twice (a stream restarted between two appends) counts as its last record.
                var byUrl = new Dictionary<string, CachedHeader>(StringComparer.Ordinal);
                foreach (var (url, cached) in contents.Headers) byUrl[url] = cached;
                return new HeaderCache(configHash, byUrl);
            }
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            // An unreadable cache only costs a re-read of every header.
        }
        return Empty(configHash);
    }

    /// <summary>The earlier record of the image at <paramref name="url"/> if its file is unchanged.</summary>
    public PlanEntry? Find(string url)
    {
        if (!_byUrl.TryGetValue(url, out var cached)) return null;
        var (length, written) = Stamp(url);
        return cached.Length == length && cached.LastWriteUtcTicks == written ? cached.Entry : null;
    }

    /// <summary>A cache of this run's readable images, for the next run.</summary>
    public static void Write(WorkFolder work, string configHash, IEnumerable<PlanEntry> entries) =>
        WorkFile.WriteValue(work.Headers, new Contents(configHash, Cached(entries).ToList()));

    /// <summary>
    /// Adds <paramref name="entries"/> to the cache the work folder holds for <paramref name="configHash"/> (or
    /// starts one): `trap stream` adds each batch's images without keeping the earlier ones in memory.
    /// </summary>
    public static void Append(WorkFolder work, string configHash, IEnumerable<PlanEntry> entries) =>
        WorkFile.AppendToLastArray(work.Headers, new Contents(configHash, []), Cached(entries));

    private static IEnumerable<KeyValuePair<string, CachedHeader>> Cached(IEnumerable<PlanEntry> entries) => entries
        .Where(e => e.Rejection is null && e.ContentHash is not null)
        .Select(e => (Entry: e, Stamp: Stamp(e.Url)))
        .Where(e => e.Stamp.Length >= 0)
        .Select(e => KeyValuePair.Create(e.Entry.Url, new CachedHeader(e.Stamp.Length, e.Stamp.Written, e.Entry)));

    private static (long Length, long Written) Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc.Ticks) : (-1, -1);
    }
}
