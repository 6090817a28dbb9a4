namespace Trap.Formats.Casa;

/// <summary>
/// Reads columns of casacore tables (e.g. an image's LOFAR_* subtables) by running a TaQL SELECT with
/// casacore's <c>taql</c>. Values come back as text, one row per line and columns separated by tabs (a "Unit:" line, printed for columns with units, is skipped);
/// format numbers in the query with <c>str(COLUMN unit, '%.17g')</c> to get full precision in a known unit.
/// </summary>
public static class CasaTableQuery
{
    /// <summary>Runs <paramref name="select"/> with <paramref name="imageDirectory"/> as working folder, so
    /// subtables are named relative to it (FROM LOFAR_ORIGIN).</summary>
    public static IReadOnlyList<string[]> Select(string imageDirectory, string select)
    {
        // -nopm: raw values, not formatted measures; -noph/-nopr: no header or row count; -m: all rows.
        var output = CasacoreTool.Run("taql",
            new[] { "-nopm", "-noph", "-nopr", "-m", "1000000000", "-d", "\t", select }, imageDirectory, imageDirectory);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith("Unit:", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .ToArray();
    }
}
