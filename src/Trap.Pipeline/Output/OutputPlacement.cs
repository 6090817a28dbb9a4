using Trap.Dataset;

namespace Trap.Pipeline.Output;

/// <summary>
/// Refuses an output folder that would hold or replace the job's own files: the job folder or a folder
/// containing it, a folder containing the images, or a folder inside the images' folders (up to the
/// job folder). Checked before any work, with no side effects.
/// </summary>
public static class OutputPlacement
{
    public static void Check(string output, string jobFile, IReadOnlyList<string> images)
    {
        output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        var jobFolder = Path.GetDirectoryName(jobFile)!;
        var remedy = $"Choose a folder of its own with [job] output in {jobFile} or --output (e.g. output = output).";
        if (output == jobFolder)
        {
            throw new OutputFolderException($"output {output} is the job folder: writing the dataset there would replace {Path.GetFileName(jobFile)} and the images. {remedy}");
        }
        if (IsInside(jobFolder, output))
        {
            throw new OutputFolderException($"output {output} contains the job folder {jobFolder}: writing the dataset there would replace the job. {remedy}");
        }
        foreach (var folder in ImageFolders(images, jobFolder))
        {
            if (output == folder || IsInside(folder, output))
            {
                throw new OutputFolderException($"output {output} contains the images in {folder}: writing the dataset there would replace them. {remedy}");
            }
            if (IsInside(output, folder))
            {
                throw new OutputFolderException($"output {output} lies inside the images folder {folder}: the dataset would mix with the images. {remedy}");
            }
        }
    }

    /// <summary>
    /// The folders holding images: each image's folder and, inside the job folder, the folders above it
    /// (images/p00/x.fits makes images/p00 and images). The job folder itself is checked on its own.
    /// </summary>
    private static IEnumerable<string> ImageFolders(IReadOnlyList<string> images, string jobFolder)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parent in images.Select(i => Path.GetDirectoryName(i)!).Distinct().Where(p => p != jobFolder))
        {
            var folder = parent;
            while (folders.Add(folder) && Path.GetDirectoryName(folder) is { } up && IsInside(up, jobFolder)) folder = up;
        }
        return folders;
    }

    /// <summary>True when <paramref name="path"/> lies strictly inside <paramref name="folder"/>.</summary>
    private static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        && path.Length > folder.Length;
}
