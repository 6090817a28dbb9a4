namespace Trap.Storage.Loading;

/// <summary>What an incremental load does with one table (docs/database.md, Incremental loads).</summary>
public enum TableLoadKind
{
    /// <summary>The parts it was loaded from are all there, unchanged: the rows of its new parts (if any) are added.</summary>
    Appended,

    /// <summary>A part it was loaded from was rewritten (the stream writes its catalogue-wide tables again each batch): loaded whole again.</summary>
    Rewritten,

    /// <summary>
    /// Parts it was loaded from are gone, the others unchanged (the stream's level merge): the rows whose keys
    /// the new parts hold are replaced by theirs, which must remove exactly the gone parts' rows.
    /// </summary>
    Merged,

    /// <summary>
    /// Parts it was loaded from are gone, and the new parts do not hold all their rows (removed, not merged)
    /// or hold most of the table's rows (copying it whole is cheaper then): loaded whole again.
    /// </summary>
    Reloaded,
}

/// <summary>How an incremental load brings one output table up to date: which parts it copies, and why.</summary>
/// <param name="Parts">The parts whose rows are copied.</param>
/// <param name="Gone">For <see cref="TableLoadKind.Merged"/>, the loaded parts that are gone.</param>
public sealed record TableLoad(string Table, TableLoadKind Kind, IReadOnlyList<PartFile> Parts, IReadOnlyList<PartFile> Gone, string? Reason)
{
    /// <summary>Whether the table's rows are deleted and all its parts copied again.</summary>
    public bool Whole => Kind is TableLoadKind.Rewritten or TableLoadKind.Reloaded;

    /// <summary>Compares a table's part files now with those its rows were loaded from.</summary>
    public static TableLoad Plan(string table, IReadOnlyList<PartFile> current, IReadOnlyList<PartFile> loaded)
    {
        var now = current.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var rewritten = loaded.Where(p => now.TryGetValue(p.Name, out var part) && !part.SameStamp(p)).Select(p => p.Name).ToList();
        if (rewritten.Count > 0) return new TableLoad(table, TableLoadKind.Rewritten, current, [], Listed(rewritten) + " rewritten");
        var known = loaded.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var fresh = current.Where(p => !known.Contains(p.Name)).ToList();
        var gone = loaded.Where(p => !now.ContainsKey(p.Name)).ToList();
        if (gone.Count == 0) return new TableLoad(table, TableLoadKind.Appended, fresh, [], null);
        var merge = Listed(gone.Select(p => p.Name).ToList()) + " merged into " + Listed(fresh.Select(p => p.Name).ToList());
        // Replacing rows by key costs about twice copying them; past half the table, copying it whole is cheaper.
        return 2 * fresh.Sum(p => p.Rows) > current.Sum(p => p.Rows)
            ? new TableLoad(table, TableLoadKind.Reloaded, current, gone, merge + ", which hold most of the table's rows")
            : new TableLoad(table, TableLoadKind.Merged, fresh, gone, merge);
    }

    /// <summary>This merge loaded whole instead: the new parts did not hold every row of the gone ones.</summary>
    public TableLoad Reload(IReadOnlyList<PartFile> current, long replaced) => this with
    {
        Kind = TableLoadKind.Reloaded, Parts = current,
        Reason = Listed(Gone.Select(p => p.Name).ToList()) + " gone, and the new parts hold " + replaced + " of their " + Gone.Sum(p => p.Rows) + " rows",
    };

    private static string Listed(List<string> names) =>
        names.Count == 0 ? "no part"
        : (names.Count == 1 ? "part " : names.Count + " parts ") + string.Join(", ", names.Order(StringComparer.Ordinal).Take(3)) + (names.Count > 3 ? ", ..." : "");
}
