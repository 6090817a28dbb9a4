namespace Trap.Storage.Loading;

/// <summary>What an incremental load does with one table (docs/database.md, Incremental loads).</summary>
public enum TableLoadKind
{
    /// <summary>The parts it was loaded from are all there, unchanged: the rows of its new parts (if any) are added.</summary>
    Appended,

    /// <summary>A part it was loaded from was rewritten (the stream writes its catalogue-wide tables again each batch): loaded whole again.</summary>
    Rewritten,

    /// <summary>A part it was loaded from is gone (the stream's level merge, or a run that wrote the table anew): loaded whole again.</summary>
    PartsGone,
}

/// <summary>How an incremental load brings one output table up to date: which parts it copies, and why.</summary>
public sealed record TableLoad(string Table, TableLoadKind Kind, IReadOnlyList<PartFile> Parts, string? Reason)
{
    /// <summary>Whether the table's rows are deleted and all its parts copied again.</summary>
    public bool Whole => Kind != TableLoadKind.Appended;

    /// <summary>Compares a table's part files now with those its rows were loaded from.</summary>
    public static TableLoad Plan(string table, IReadOnlyList<PartFile> current, IReadOnlyList<PartFile> loaded)
    {
        var now = current.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var gone = loaded.Where(p => !now.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (gone.Count > 0) return new TableLoad(table, TableLoadKind.PartsGone, current, Listed(gone) + " loaded before, now gone");
        var rewritten = loaded.Where(p => !now[p.Name].SameStamp(p)).Select(p => p.Name).ToList();
        if (rewritten.Count > 0) return new TableLoad(table, TableLoadKind.Rewritten, current, Listed(rewritten) + " rewritten");
        var known = loaded.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return new TableLoad(table, TableLoadKind.Appended, current.Where(p => !known.Contains(p.Name)).ToList(), null);
    }

    private static string Listed(List<string> names) =>
        (names.Count == 1 ? "part " : names.Count + " parts ") + string.Join(", ", names.Order(StringComparer.Ordinal).Take(3)) + (names.Count > 3 ? ", ..." : "");
}
