using System.Globalization;
using System.Reflection;

namespace Trap.Storage.Schema;

/// <summary>
/// The schema's migrations, embedded in this assembly as Schema/Migrations/NNNN_name.sql and applied
/// in version order. Released scripts are never edited: a change is a new script.
/// </summary>
public static class Migrations
{
    private const string Prefix = "Trap.Storage.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> Loaded = new(Load);

    public static IReadOnlyList<Migration> All => Loaded.Value;

    /// <summary>The schema version this build of Trap writes.</summary>
    public static int Latest => All[^1].Version;

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var file = resource[Prefix.Length..];
            var underscore = file.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException("Migration resource '" + file + "' is not named NNNN_name.sql.");
            }
            list.Add(new Migration(version, Path.GetFileNameWithoutExtension(file[(underscore + 1)..]), Read(assembly, resource)));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
            {
                throw new InvalidOperationException("Migrations must be numbered 1, 2, 3... without gaps; found " + list[i].Version + " at position " + (i + 1) + ".");
            }
        }
        if (list.Count == 0) throw new InvalidOperationException("No migrations are embedded in " + assembly.GetName().Name + ".");
        return list;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
