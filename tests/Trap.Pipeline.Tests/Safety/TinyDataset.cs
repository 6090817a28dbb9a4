using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>A one-file stand-in for a dataset, to drive <see cref="DatasetFolder"/> without running a job.</summary>
public static class TinyDataset
{
    private const string FileName = "table.txt";

    public static void Write(DatasetFolder folder, string content) => File.WriteAllText(Path.Combine(folder.Staging, FileName), content);

    public static string Read(string target) => File.ReadAllText(Path.Combine(target, FileName));

    /// <summary>A whole run: open, write, commit, release.</summary>
    public static void Commit(string target, string content)
    {
        using var folder = DatasetFolder.Open(target);
        Write(folder, content);
        folder.Commit();
    }
}
