using Trap.Dataset;

namespace Trap.Pipeline.Output;

/// <summary>
/// The file by which Trap recognises the folders it wrote itself (a dataset, its staging folder, its
/// retired copy). Only such folders, or empty ones, are ever deleted or replaced, so an output
/// setting that names someone else's folder can never cost its files.
/// </summary>
public static class DatasetMarker
{
    public const string FileName = ".trap-dataset";

    public static void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), "Written by Trap: the next run of its job replaces this folder.\n");

    public static bool IsMarked(string folder) => File.Exists(Path.Combine(folder, FileName));

    public static bool IsEmpty(string folder) => !Directory.EnumerateFileSystemEntries(folder).Any();

    /// <summary>Deletes a marked folder, the marker last: a delete cut short leaves it marked, so the next run may finish it.</summary>
    public static void Delete(string folder)
    {
        foreach (var child in Directory.EnumerateDirectories(folder)) Directory.Delete(child, recursive: true);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != FileName)) File.Delete(file);
        File.Delete(Path.Combine(folder, FileName));
        Directory.Delete(folder);
    }
}
