using System.Collections.Concurrent;
using Trap.Formats.Fits;
using Trap.Formats.Wcs;

namespace Trap.Web.Pixels;

/// <summary>An image file's header and celestial WCS, as read for stamps.</summary>
public sealed record ImageGeometry(FitsImageHdu Hdu, CelestialWcs Wcs);

/// <summary>
/// Headers and WCS of recently used image files, so a page of stamps parses each image's header once,
/// not once per stamp. Bounded: at most <see cref="Capacity"/> entries (a few kB each), emptied when full.
/// An entry is keyed by the file's path, size and modification time, so a rewritten file is read again.
/// </summary>
public sealed class ImageHeaders
{
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), ImageGeometry> _entries = new();

    public ImageGeometry Get(string path)
    {
        var info = new FileInfo(path);
        var key = (path, info.Length, info.LastWriteTimeUtc);
        if (_entries.TryGetValue(key, out var known)) return known;
        var hdu = FitsFile.ReadImageHeader(path);
        var geometry = new ImageGeometry(hdu, CelestialWcs.FromHeader(hdu.Header, path));
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[key] = geometry;
        return geometry;
    }
}
