using System.Text.RegularExpressions;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Expands the [job] images setting: comma-separated paths or globs relative to the job folder, with
/// '*' and '?' inside one path segment and '**' for any number of folders. Matches files and CASA
/// image folders (a folder holding table.info); results are absolute, unique and sorted.
/// </summary>
public static class ImageGlob
{
    public static IReadOnlyList<string> Expand(string patterns, string baseFolder)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in patterns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = Path.IsPathRooted(raw) ? raw : Path.Combine(baseFolder, raw);
            pattern = Path.GetFullPath(pattern.Replace('\\', '/'));
            var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var fixedCount = segments.TakeWhile(s => !HasWildcard(s)).Count();
            var root = "/" + string.Join('/', segments.Take(fixedCount));
            if (fixedCount == segments.Length)
            {
                if (File.Exists(root) || Directory.Exists(root)) found.Add(root);
                continue;
            }
            if (!Directory.Exists(root)) continue;
            Walk(root, segments.Skip(fixedCount).ToArray(), 0, found);
        }
        return found.ToList();
    }

    private static bool HasWildcard(string segment) => segment.IndexOfAny(new[] { '*', '?' }) >= 0;

    private static bool IsCasaImage(string folder) => File.Exists(Path.Combine(folder, "table.info"));

    private static void Walk(string folder, string[] rest, int index, SortedSet<string> found)
    {
        var segment = rest[index];
        var last = index == rest.Length - 1;
        if (segment == "**")
        {
            if (!last) Walk(folder, rest, index + 1, found);
            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (!IsCasaImage(child)) Walk(child, rest, index, found);
            }
            return;
        }
        var regex = new Regex("^" + Regex.Escape(segment).Replace("\\*", "[^/]*").Replace("\\?", "[^/]") + "$");
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            if (!regex.IsMatch(Path.GetFileName(entry))) continue;
            var isFolder = Directory.Exists(entry);
            if (last)
            {
                if (!isFolder || IsCasaImage(entry)) found.Add(entry);
            }
            else if (isFolder)
            {
                Walk(entry, rest, index + 1, found);
            }
        }
    }
}
