namespace Trap.TestSupport;

/// <summary>The Trap checkout the tests run from (the folder holding Trap.sln), for its scripts and files.</summary>
public static class Checkout
{
    private static readonly Lazy<string> Folder = new(FindRoot);

    public static string Root => Folder.Value;

    /// <summary>Absolute path of a file or folder of the checkout, e.g. "cluster/postgres.sh".</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trap.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Trap.sln not found above " + AppContext.BaseDirectory);
    }
}
