namespace Trap.Dataset;

/// <summary>
/// How tasks create files in a run's folders: whole files appear by rename from a temporary name
/// (<see cref="PartialName"/>), and a task never re-creates a run folder that is gone, so a late
/// duplicate of a task (its worker was thought lost) cannot litter a finished or abandoned run.
/// </summary>
public static class OutputFolders
{
    private const string PartialMarker = ".partial-";

    /// <summary>A temporary name beside <paramref name="path"/>, unique to this writer.</summary>
    public static string PartialName(string path) => $"{path}{PartialMarker}{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Creates <paramref name="folder"/> when missing, but only inside a folder that exists.</summary>
    public static void CreateInside(string folder)
    {
        if (Directory.Exists(folder)) return;
        var parent = Path.GetDirectoryName(folder);
        if (parent is not null && !Directory.Exists(parent))
        {
            throw new DirectoryNotFoundException($"{parent} does not exist: the run that asked for files in {folder} has ended or was abandoned");
        }
        Directory.CreateDirectory(folder);
    }

    /// <summary>Deletes temporary files that tasks whose workers died left in a run's folder; returns how many.</summary>
    public static int RemoveAbandonedPartials(string runFolder)
    {
        var abandoned = Directory.GetFiles(runFolder, "*" + PartialMarker + "*", SearchOption.AllDirectories);
        foreach (var file in abandoned) File.Delete(file);
        return abandoned.Length;
    }
}
