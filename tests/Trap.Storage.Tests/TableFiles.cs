using System.Collections;
using Trap.Dataset;

namespace Trap.Storage.Tests;

/// <summary>Writes and reads a dataset folder's part files for a row type known at run time.</summary>
public static class TableFiles
{
    /// <summary>Writes <paramref name="rows"/> as part <paramref name="part"/> of <paramref name="table"/> (small row groups, so readers stream several).</summary>
    public static Task WriteAsync(string folder, string table, Type rowType, IEnumerable rows, int part = 0) =>
        RowTypeDispatch.Run(rowType, new Write(folder, table, rows, part));

    /// <summary>Writes the rows of <paramref name="parts"/>, in order, as part <paramref name="into"/>, and deletes them (as the stream's level merge does).</summary>
    public static Task MergeAsync(string folder, string table, Type rowType, IReadOnlyList<string> parts, int into) =>
        RowTypeDispatch.Run(rowType, new Merge(folder, table, parts, into));

    private sealed record Write(string Folder, string Table, IEnumerable Rows, int Part) : IRowTypeWork<Task>
    {
        public async Task Run<TRow>() where TRow : class, new()
        {
            await using var writer = new ParquetTableWriter<TRow>(Folder, Table, Part, rowGroupSize: 64);
            await writer.AddRangeAsync(Rows.Cast<TRow>());
        }
    }

    private sealed record Merge(string Folder, string Table, IReadOnlyList<string> Parts, int Into) : IRowTypeWork<Task>
    {
        public async Task Run<TRow>() where TRow : class, new()
        {
            await using (var writer = new ParquetTableWriter<TRow>(Folder, Table, Into, rowGroupSize: 64))
            {
                foreach (var part in Parts)
                {
                    await foreach (var row in ParquetTableReader.ReadAsync<TRow>(part)) await writer.AddAsync(row);
                }
            }
            foreach (var part in Parts) File.Delete(part);
        }
    }
}
