namespace Trap.TestSupport;

/// <summary>Locates the shared real-image fixtures (../shared/data/realdata beside the checkout).</summary>
public static class RealData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of shared/data/realdata.</summary>
    public static string Directory => Root.Value;

    /// <summary>Absolute path of a file or folder inside shared/data/realdata.</summary>
    public static string PathOf(string relative) => System.IO.Path.Combine(Root.Value, relative);

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("TRAP_REALDATA");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "realdata");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            "shared/data/realdata not found above " + AppContext.BaseDirectory +
            "; set TRAP_REALDATA to its path.");
    }
}
