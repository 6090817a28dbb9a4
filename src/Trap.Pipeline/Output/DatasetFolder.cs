namespace Trap.Pipeline.Output;

/// <summary>
/// The output folder of a run, written safely: tables go to a staging folder beside the target and
/// replace the previous output only when the run completes, so a failed run never leaves a half
/// dataset and a re-run replaces rather than duplicates.
/// </summary>
public sealed class DatasetFolder
{
    public DatasetFolder(string target)
    {
        Target = Path.GetFullPath(target);
        Staging = Target.TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        Directory.CreateDirectory(Staging);
    }

    /// <summary>Where the finished dataset will be.</summary>
    public string Target { get; }

    /// <summary>Where tables are written while the run is going.</summary>
    public string Staging { get; }

    /// <summary>Replaces the target with the staging folder (the old output is removed only now).</summary>
    public void Commit()
    {
        var parent = Path.GetDirectoryName(Target)!;
        Directory.CreateDirectory(parent);
        var old = Target + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(Target)) Directory.Move(Target, old);
        Directory.Move(Staging, Target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    /// <summary>Drops the staging folder after a failure; the previous output stays as it was.</summary>
    public void Abandon()
    {
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
