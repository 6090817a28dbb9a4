namespace Trap.Dataset;

/// <summary>Whole-table writes into a dataset folder, for the tables the driver makes (images, bands, config...).</summary>
public static class DatasetWriter
{
    /// <summary>Writes a table as its single part.</summary>
    public static Task WriteTableAsync<T>(string folder, string table, IEnumerable<T> rows) where T : class, new() =>
        ParquetTableWriter<T>.WriteFileAsync(ParquetTableWriter<T>.PartPath(folder, table, 0), rows);
}
