using System.Text;
using System.Text.RegularExpressions;

namespace Trap.Alerts;

/// <summary>
/// IVOA identifiers of VOEvents: ivo://AUTHORITY/RESOURCE#LOCAL_ID, with the rules Comet checks on
/// receipt (docs/science.md §11.2): an authority of at least 3 characters, a resource key without "//", "/../"
/// or a trailing slash, and a non-empty local ID.
/// </summary>
public static partial class Ivorn
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._~\-]{2,}$")]
    private static partial Regex AuthorityPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._~\-/]+$")]
    private static partial Regex ResourceKeyPattern();

    /// <summary>ivo://<paramref name="authority"/>/<paramref name="stream"/>#<paramref name="localId"/>, all parts checked.</summary>
    public static string Create(string authority, string stream, string localId)
    {
        ValidateAuthority(authority);
        ValidateResourceKey(stream);
        if (localId.Length == 0 || localId.Any(c => !IsLocalIdChar(c)))
        {
            throw new ArgumentException($"IVORN local ID '{localId}' must be non-empty and use only letters, digits and . _ ~ - (make it with Ivorn.LocalId).");
        }
        return $"ivo://{authority}/{stream}#{localId}";
    }

    /// <summary>A stable local ID from a dataset name and a catalogue source id: other characters become '_'.</summary>
    public static string LocalId(string dataset, long runcatId)
    {
        var clean = new StringBuilder(dataset.Length);
        foreach (var c in dataset) clean.Append(IsLocalIdChar(c) ? c : '_');
        return $"{(clean.Length > 0 ? clean.ToString() : "dataset")}-runcat-{runcatId}";
    }

    public static void ValidateAuthority(string authority)
    {
        if (!AuthorityPattern().IsMatch(authority))
        {
            throw new ArgumentException($"[alerts] authority '{authority}' is not an IVOA authority: use at least 3 characters, " +
                                        "starting with a letter or digit, then letters, digits or . _ ~ - (e.g. nl.astron.trap).");
        }
    }

    public static void ValidateResourceKey(string key)
    {
        if (!ResourceKeyPattern().IsMatch(key) || key.Contains("//") || key.Contains("/../") || key.StartsWith('/') ||
            key.EndsWith('/') || key.StartsWith("../", StringComparison.Ordinal))
        {
            throw new ArgumentException($"[alerts] stream '{key}' is not an IVOA resource key: use letters, digits, . _ ~ - and single " +
                                        "'/' between parts, with no '..' part and no leading or trailing '/' (e.g. transients).");
        }
    }

    private static bool IsLocalIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '-';
}
