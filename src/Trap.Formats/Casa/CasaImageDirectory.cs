namespace Trap.Formats.Casa;

/// <summary>Recognises CASA (casacore) image folders: a table whose table.info says "Type = Image".</summary>
public static class CasaImageDirectory
{
    /// <summary>True when <paramref name="path"/> is a folder holding a casacore table of type Image.</summary>
    public static bool IsImage(string path)
    {
        var info = Path.Combine(path, "table.info");
        if (!Directory.Exists(path) || !File.Exists(info)) return false;
        foreach (var line in File.ReadLines(info))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == "Type") return parts[1] == "Image";
        }
        return false;
    }
}
