using System.Globalization;
using Trap.Dataset;

namespace Trap.Pipeline.Output;

/// <summary>How one table of two datasets compares: row counts and rows found in one only (as text).</summary>
public sealed record TableDifference(string Table, long RowsA, long RowsB, IReadOnlyList<string> OnlyInA, IReadOnlyList<string> OnlyInB)
{
    public bool Same => OnlyInA.Count == 0 && OnlyInB.Count == 0;
}

/// <summary>
/// Compares two dataset folders table by table as multisets of rows (part files and row order do not
/// matter; values compare exactly, doubles by their round-trip text). The dataset table's run times
/// and engine naturally differ between runs and are left out, as are the tables that describe the
/// run (<see cref="DatasetTables.RunDescriptions"/>: stage timings).
/// </summary>
public static class DatasetComparer
{
    private static readonly HashSet<string> RunSpecificColumns = new(StringComparer.Ordinal)
    {
        "ProcessStartUtc", "ProcessEndUtc", "Engine",
    };

    public static async Task<IReadOnlyList<TableDifference>> CompareAsync(string folderA, string folderB, int examples = 5)
    {
        var differences = new List<TableDifference>();
        foreach (var (table, rowType) in DatasetTables.All.Where(t => !DatasetTables.RunDescriptions.Contains(t.Name)))
        {
            var a = await RowsAsync(folderA, table, rowType);
            var b = await RowsAsync(folderB, table, rowType);
            var onlyA = Subtract(a, b);
            var onlyB = Subtract(b, a);
            differences.Add(new TableDifference(table, a.Count, b.Count, onlyA.Take(examples).ToList(), onlyB.Take(examples).ToList()));
        }
        return differences;
    }

    private static List<string> Subtract(List<string> from, List<string> other)
    {
        var counts = other.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rest = new List<string>();
        foreach (var row in from)
        {
            if (counts.TryGetValue(row, out var n) && n > 0) counts[row] = n - 1;
            else rest.Add(row);
        }
        return rest;
    }

    private static Task<List<string>> RowsAsync(string folder, string table, Type rowType) =>
        RowTypeDispatch.Run(rowType, new TableRows(folder, table));

    private sealed record TableRows(string Folder, string Table) : IRowTypeWork<Task<List<string>>>
    {
        public Task<List<string>> Run<TRow>() where TRow : class, new() => TypedRowsAsync<TRow>(Folder, Table);
    }

    private static async Task<List<string>> TypedRowsAsync<T>(string folder, string table) where T : class, new()
    {
        var properties = typeof(T).GetProperties().Where(p => !RunSpecificColumns.Contains(p.Name)).ToArray();
        var rows = new List<string>();
        await foreach (var row in ParquetTableReader.ReadTableAsync<T>(folder, table))
        {
            rows.Add(string.Join(" ", properties.Select(p => p.Name + "=" + Text(p.GetValue(row)))));
        }
        return rows;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
