using System.Text.RegularExpressions;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Expands the [job] images setting: comma-separated paths or globs relative to the job folder, with
/// '*' and '?' inside one path segment and '**' for any number of folders. Matches files (of any kind:
/// a FIFO or device is listed so that it is rejected with its reason, never opened) and CASA image
/// folders (a folder holding table.info); results are absolute, unique and sorted.
/// Symlinks are followed, but each real file is listed once (by its smallest path) and no folder is
/// walked twice, so a symlink cycle ends; a folder that cannot be listed is skipped. Each of these is
/// reported through the warning callback.
/// </summary>
public static class ImageGlob
{
    public static IReadOnlyList<string> Expand(string patterns, string baseFolder, Action<string>? warn = null) =>
        Expand(patterns, baseFolder, warn ?? (_ => { }), Directory.EnumerateFileSystemEntries);

    /// <summary>As the public overload, listing folders with <paramref name="listFolder"/> (tests make it fail).</summary>
    internal static IReadOnlyList<string> Expand(string patterns, string baseFolder, Action<string> warn,
        Func<string, IEnumerable<string>> listFolder)
    {
        var walk = new Walk(warn, listFolder);
        foreach (var raw in patterns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = Path.IsPathRooted(raw) ? raw : Path.Combine(baseFolder, raw);
            pattern = Path.GetFullPath(pattern.Replace('\\', '/'));
            var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var fixedCount = segments.TakeWhile(s => !HasWildcard(s)).Count();
            var root = "/" + string.Join('/', segments.Take(fixedCount));
            if (fixedCount == segments.Length)
            {
                if (File.Exists(root) || Directory.Exists(root)) walk.Add(root);
                continue;
            }
            if (!Directory.Exists(root)) continue;
            walk.Root(root, segments.Skip(fixedCount).ToArray());
        }
        return walk.Found.Values.Order(StringComparer.Ordinal).ToList();
    }

    private static bool HasWildcard(string segment) => segment.IndexOfAny(['*', '?']) >= 0;

    private static bool IsCasaImage(string folder) => File.Exists(Path.Combine(folder, "table.info"));

    /// <summary>
    /// One expansion: what was found (by real path) and which folders were walked. Symlinked folders
    /// are walked last (after every real folder of the pattern), so files are listed under their
    /// own folder's path where there is one, and a link into a folder walked already is not followed.
    /// </summary>
    private sealed class Walk(Action<string> warn, Func<string, IEnumerable<string>> listFolder)
    {
        /// <summary>Real path → the path the image is listed under.</summary>
        public Dictionary<string, string> Found { get; } = new(StringComparer.Ordinal);

        /// <summary>(real folder, pattern segment) pairs already walked.</summary>
        private readonly HashSet<(string, int)> _walked = new();

        private readonly Queue<(string Folder, string[] Segments, int Index)> _linked = new();

        public void Add(string path)
        {
            var real = RealPath.Of(path);
            if (!Found.TryGetValue(real, out var listed))
            {
                Found[real] = path;
                return;
            }
            if (listed == path) return;
            var (kept, dropped) = string.CompareOrdinal(listed, path) <= 0 ? (listed, path) : (path, listed);
            Found[real] = kept;
            warn($"{dropped} is the same file as {kept} (through a symlink); it is read once, as {kept}");
        }

        /// <summary>Walks a folder of the pattern's fixed root, then every symlinked folder found on the way.</summary>
        public void Root(string folder, string[] rest)
        {
            Folder(folder, rest, 0);
            while (_linked.TryDequeue(out var link))
            {
                var real = RealPath.Of(link.Folder);
                if (_walked.Contains((real, link.Index)))
                {
                    warn($"symlink {link.Folder} leads to {real}, which is searched already (a symlink cycle or a second path to it); not followed");
                    continue;
                }
                Folder(link.Folder, link.Segments, link.Index);
            }
        }

        private void Enter(string folder, string[] rest, int index)
        {
            if (new DirectoryInfo(folder).LinkTarget is not null) _linked.Enqueue((folder, rest, index));
            else Folder(folder, rest, index);
        }

        private void Folder(string folder, string[] rest, int index)
        {
            if (!_walked.Add((RealPath.Of(folder), index))) return;
            var entries = List(folder);
            if (entries is null) return;
            var segment = rest[index];
            var last = index == rest.Length - 1;
            if (segment == "**")
            {
                if (!last) Folder(folder, rest, index + 1);
                foreach (var child in entries.Where(e => Directory.Exists(e) && !IsCasaImage(e)))
                {
                    Enter(child, rest, index);
                }
                return;
            }
            var regex = new Regex("^" + Regex.Escape(segment).Replace("\\*", "[^/]*").Replace("\\?", "[^/]") + "$");
            foreach (var entry in entries.Where(e => regex.IsMatch(Path.GetFileName(e))))
            {
                var isFolder = Directory.Exists(entry);
                if (last)
                {
                    if (!isFolder || IsCasaImage(entry)) Add(entry);
                }
                else if (isFolder)
                {
                    Enter(entry, rest, index + 1);
                }
            }
        }

        /// <summary>The folder's entries in ordinal order (so the walk is deterministic), or null when it cannot be listed.</summary>
        private List<string>? List(string folder)
        {
            try
            {
                return listFolder(folder).Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception error) when (error is UnauthorizedAccessException or IOException)
            {
                warn($"cannot list folder {folder} ({error.Message}); its images are skipped. Fix its permissions or narrow [job] images");
                return null;
            }
        }
    }
}
