using Parquet.Serialization;

namespace Trap.Simulation.Truth;

/// <summary>Writes and reads the survey's ground truth as Parquet (readable by pyarrow, pandas, DuckDB).</summary>
public static class TruthFiles
{
    public const string ImagesFile = "truth_images.parquet";
    public const string SourcesFile = "truth_sources.parquet";

    public static void WriteImages(string path, IReadOnlyCollection<ImageTruth> rows) => Write(path, rows);

    public static void WriteSources(string path, IReadOnlyCollection<SourceTruth> rows) => Write(path, rows);

    public static IReadOnlyList<ImageTruth> ReadImages(string path) => Read<ImageTruth>(path);

    public static IReadOnlyList<SourceTruth> ReadSources(string path) => Read<SourceTruth>(path);

    private static void Write<T>(string path, IReadOnlyCollection<T> rows) where T : class, new()
    {
        // One write per file; Parquet.Net's API is asynchronous, the survey writer is not.
        using var stream = File.Create(path);
        ParquetSerializer.SerializeAsync(rows, stream).GetAwaiter().GetResult();
    }

    private static IReadOnlyList<T> Read<T>(string path) where T : class, new()
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no truth table here; run 'trap simulate --out <folder>' to make a survey.", path);
        }
        var result = ParquetSerializer.DeserializeAsync<T>(path).GetAwaiter().GetResult();
        return result.Data.ToList();
    }
}
