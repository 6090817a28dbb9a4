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
}

/// <summary>What a load did: the dataset id, the id of the load it replaced (if any: the same id, which a reload keeps) and rows per database table.</summary>
public sealed record LoadResult(long DatasetId, long? ReplacedDatasetId, IReadOnlyDictionary<string, long> RowsByTable, TimeSpan Elapsed)
{
    public long TotalRows => RowsByTable.Values.Sum();
}
