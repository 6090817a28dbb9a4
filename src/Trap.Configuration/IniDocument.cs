namespace Trap.Configuration;

/// <summary>One "key = value" line of a job configuration file.</summary>
public sealed record IniEntry(string Section, string Key, string Value, int Line);

/// <summary>
/// The INI-style job file (TraP's job_params.cfg layout): [section] headers, "key = value" lines,
/// comments on lines starting with '#' or ';' and after " #" / " ;" inside a line. Unlike TraP's
/// parser, inline comments are stripped and every value is type-checked later, so a stray comment
/// can never silently turn a number into a string.
/// </summary>
public sealed class IniDocument
{
    private IniDocument(string file, IReadOnlyList<IniEntry> entries)
    {
        File = file;
        Entries = entries;
    }

    public string File { get; }

    public IReadOnlyList<IniEntry> Entries { get; }

    public static IniDocument Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new JobConfigException(path, 0, "the job configuration file does not exist; " +
                "create it with `trap init FOLDER` (every setting documented; jobs/demo/job.cfg is an example)");
        }
        return Parse(path, System.IO.File.ReadAllLines(path));
    }

    public static IniDocument Parse(string file, IEnumerable<string> lines)
    {
        var entries = new List<IniEntry>();
        var seen = new Dictionary<(string, string), int>();
        string? section = null;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0) continue;
            if (line[0] == '[')
            {
                if (line[^1] != ']' || line.Length < 3)
                {
                    throw new JobConfigException(file, number, $"malformed section header '{raw.Trim()}'; write it as [name]");
                }
                section = line[1..^1].Trim().ToLowerInvariant();
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                throw new JobConfigException(file, number, $"expected 'key = value', got '{raw.Trim()}'");
            }
            if (section is null)
            {
                throw new JobConfigException(file, number, "a key appears before any [section] header");
            }
            var key = line[..eq].Trim().ToLowerInvariant();
            var value = line[(eq + 1)..].Trim();
            if (seen.TryGetValue((section, key), out var earlier))
            {
                throw new JobConfigException(file, number, $"key '{key}' in [{section}] is already set on line {earlier}");
            }
            seen[(section, key)] = number;
            entries.Add(new IniEntry(section, key, value, number));
        }
        return new IniDocument(file, entries);
    }

    /// <summary>Removes a comment that starts a line or follows whitespace, outside quotes.</summary>
    private static string StripComment(string line)
    {
        var inQuote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuote != '\0')
            {
                if (c == inQuote) inQuote = '\0';
                continue;
            }
            if (c is '\'' or '"')
            {
                inQuote = c;
                continue;
            }
            if ((c == '#' || c == ';') && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }
        return line;
    }
}
