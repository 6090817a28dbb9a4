namespace Trap.Storage.Loading;

/// <summary>Options of one dataset load.</summary>
public sealed class LoadOptions
{
    /// <summary>
    /// Called after every row written, with the database table and the rows written to it so far.
    /// For progress reports; an exception thrown here aborts the load and rolls it back.
    /// </summary>
    public Action<string, long>? OnRow { get; init; }

    /// <summary>Replace a dataset of the same name even when it was loaded from another job (another job.cfg).</summary>
    public bool Replace { get; init; }

    /// <summary>
    /// Load every table whole, even where the database's record of the part files the dataset was loaded
    /// from allows an incremental load (docs/database.md, Incremental loads).
    /// </summary>
    public bool Full { get; init; }
}

/// <summary>
/// What a load did: the dataset id, the id of the load it replaced (if any: the same id, which a reload
/// keeps), the rows written per database table, why it loaded every table whole (<see cref="FullReason"/>;
/// null for an incremental load), and what comparing each table's part files with those it was loaded
/// from found (<see cref="Tables"/>; empty when the load was full before any comparison).
/// </summary>
public sealed record LoadResult(long DatasetId, long? ReplacedDatasetId, IReadOnlyDictionary<string, long> RowsByTable, TimeSpan Elapsed,
                                string? FullReason, IReadOnlyList<TableLoad> Tables)
{
    public bool Incremental => FullReason is null;

    /// <summary>How the load went, for the log: a full load and why, or what the incremental load did with the tables.</summary>
    public string How
    {
        get
        {
            if (FullReason is { } why) return "a full load: " + why;
            var appended = Tables.Count(t => t.Kind == TableLoadKind.Appended && t.Parts.Count > 0);
            var rewritten = Tables.Where(t => t.Kind == TableLoadKind.Rewritten).Select(t => t.Table).ToList();
            var merged = Tables.Where(t => t.Kind == TableLoadKind.Merged).Select(t => t.Table).ToList();
            var reloaded = Tables.Where(t => t.Kind == TableLoadKind.Reloaded).Select(t => t.Table + " (" + t.Reason + ")").ToList();
            return "incremental: new parts of " + appended + " tables added" +
                   (merged.Count > 0 ? "; merged parts replaced their rows in " + string.Join(", ", merged) : "") +
                   (rewritten.Count > 0 ? "; rewritten, loaded whole again: " + string.Join(", ", rewritten) : "") +
                   (reloaded.Count > 0 ? "; loaded whole again: " + string.Join(", ", reloaded) : "");
        }
    }

    public long TotalRows => RowsByTable.Values.Sum();
}
