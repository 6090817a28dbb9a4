namespace Trap.Storage.Loading;

/// <summary>
/// One Parquet part file of a dataset folder's table (TABLE/part-NNNNN.parquet) as the incremental load
/// knows it: its table, its file name, its length and last write time, and its rows. A committed part is never
/// changed in place (a stream's batch adds new parts and writes rewritten tables as new files, renamed
/// into place: docs/streaming.md), so an equal stamp means the rows already loaded from it are current.
/// </summary>
public sealed record PartFile(string Table, string Name, long Length, long WrittenTicks, long Rows)
{
    /// <summary>The part file at <paramref name="path"/> of output table <paramref name="table"/>, holding <paramref name="rows"/> rows, stamped now.</summary>
    public static PartFile Of(string table, string path, long rows)
    {
        var info = new FileInfo(path);
        return new PartFile(table, info.Name, info.Length, info.LastWriteTimeUtc.Ticks, rows) { Path = info.FullName };
    }

    /// <summary>Where the file is (not recorded in the database: a dataset is known by its name, not its folder).</summary>
    public string Path { get; init; } = "";

    /// <summary>Whether <paramref name="other"/> is this part as it was loaded: same table, name, length and write time (the rows follow).</summary>
    public bool SameStamp(PartFile other) =>
        Table == other.Table && Name == other.Name && Length == other.Length && WrittenTicks == other.WrittenTicks;
}
