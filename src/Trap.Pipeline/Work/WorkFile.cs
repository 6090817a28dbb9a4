using System.Text.Json;
using System.Text.Json.Serialization;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Work;

/// <summary>
/// The format of the working folder's record files: a JSON array of flat rows. The shuffle between
/// stages is private to a run (as Spark's shuffle files are), and a job makes several small files per
/// image, where Parquet's per-file footer and schema cost about a millisecond each and made the serial
/// per-bucket reduce the job's bottleneck; the dataset's tables stay Parquet. Doubles round-trip
/// exactly (NaN and infinities included); files appear whole (temporary name, then rename).
/// </summary>
public static class WorkFile
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write<T>(string path, IEnumerable<T> rows) => WriteValue(path, rows);

    public static List<T> Read<T>(string path) => ReadValue<List<T>>(path);

    /// <summary>One flat record (an image's summary) as a file.</summary>
    public static void WriteValue<T>(string path, T value)
    {
        OutputFolders.CreateInside(Path.GetDirectoryName(path)!);
        var partial = OutputFolders.PartialName(path);
        using (var file = File.Create(partial)) JsonSerializer.Serialize(file, value, Json);
        File.Move(partial, path, overwrite: true);
    }

    public static T ReadValue<T>(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(file, Json) ?? throw new InvalidDataException($"{path}: empty work file");
    }

    /// <summary>The file's rows, or none when it does not exist (an image nothing was asked of).</summary>
    public static List<T> ReadIfPresent<T>(string path) => File.Exists(path) ? Read<T>(path) : new List<T>();
}
