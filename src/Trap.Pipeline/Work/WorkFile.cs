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

    /// <summary>
    /// Writes <paramref name="empty"/> (a record whose last property is an empty array) with the array holding
    /// the items the file at <paramref name="path"/> holds after the same leading properties, then
    /// <paramref name="items"/>; a file with other leading properties (another configuration), none or a
    /// damaged one starts the array anew. The earlier items are copied as text, never parsed, so a file that
    /// grows with a stream is extended in bounded memory (docs/streaming.md). Appears whole, as every work file.
    /// </summary>
    public static void AppendToLastArray<TRecord, TItem>(string path, TRecord empty, IEnumerable<TItem> items)
    {
        var head = JsonSerializer.SerializeToUtf8Bytes(empty, Json);
        if (!head.AsSpan().EndsWith("[]}"u8)) throw new ArgumentException($"{typeof(TRecord).Name} does not end with an empty array", nameof(empty));
        head = head[..^2];
        OutputFolders.CreateInside(Path.GetDirectoryName(path)!);
        var partial = OutputFolders.PartialName(path);
        using (var file = File.Create(partial))
        {
            file.Write(head);
            var any = CopyItems(path, head, file);
            foreach (var item in items)
            {
                if (any) file.WriteByte((byte)',');
                JsonSerializer.Serialize(file, item, Json);
                any = true;
            }
            file.Write("]}"u8);
        }
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Copies the items of the array the file at <paramref name="path"/> ends with after <paramref name="head"/>; false when it has none.</summary>
    private static bool CopyItems(string path, byte[] head, Stream into)
    {
        if (!File.Exists(path)) return false;
        using var file = File.OpenRead(path);
        var itemsLength = file.Length - head.Length - 2;
        if (itemsLength <= 0) return false;
        var start = new byte[head.Length];
        file.ReadExactly(start);
        var end = new byte[2];
        file.Seek(-2, SeekOrigin.End);
        file.ReadExactly(end);
        if (!start.AsSpan().SequenceEqual(head) || !end.AsSpan().SequenceEqual("]}"u8)) return false;
        file.Seek(head.Length, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        for (var left = itemsLength; left > 0;)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw new IOException($"{path} ended while its items were copied");
            into.Write(buffer, 0, read);
            left -= read;
        }
        return true;
    }

    public static T ReadValue<T>(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(file, Json) ?? throw new InvalidDataException($"{path}: empty work file");
    }

    /// <summary>The file's rows, or none when it does not exist (an image nothing was asked of).</summary>
    public static List<T> ReadIfPresent<T>(string path) => File.Exists(path) ? Read<T>(path) : new List<T>();
}
