using Trap.Dataset;

namespace Trap.Pipeline.Output;

/// <summary>
/// The output folder X of a run, replaced safely (protocol: docs/outputs.md). The run holds X.lock and
/// writes its tables to the staging folder X.partial; the commit syncs them to disk, retires X to X.old,
/// renames X.partial to X and deletes X.old, syncing the parent folder after each rename. A run killed
/// between the renames leaves no X but a complete X.old, which the next run of the output puts back
/// before it starts. Trap deletes or replaces only folders holding its marker, or empty ones.
/// </summary>
public sealed class DatasetFolder : IDisposable
{
    private readonly OutputLock _lock;

    private DatasetFolder(string target, OutputLock outputLock)
    {
        Target = target;
        Staging = target + ".partial";
        Retired = target + ".old";
        _lock = outputLock;
    }

    /// <summary>Where the finished dataset will be.</summary>
    public string Target { get; }

    /// <summary>Where tables are written while the run is going.</summary>
    public string Staging { get; }

    /// <summary>The subfolder of a dataset that keeps the run's per-image work for `trap run --append` (not fsynced: checked when reused).</summary>
    public const string WorkCacheFolder = "_work";

    /// <summary>Where the previous output waits during the commit.</summary>
    public string Retired { get; }

    /// <summary>
    /// Takes the output's lock, puts back an output an interrupted commit left retired, clears Trap's
    /// leftovers and makes a fresh, marked staging folder. Throws <see cref="OutputFolderException"/>
    /// when the output or a leftover holds files Trap did not write, or another run holds the lock.
    /// </summary>
    public static DatasetFolder Open(string target)
    {
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        RefuseForeignTarget(target);
        var outputLock = OutputLock.Take(target);
        try
        {
            var folder = new DatasetFolder(target, outputLock);
            folder.Recover();
            folder.Prepare();
            return folder;
        }
        catch
        {
            outputLock.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the target with the staging folder: the four steps below, in order.</summary>
    public void Commit()
    {
        SyncStaging();
        RetireTarget();
        PublishStaging();
        RemoveRetired();
    }

    /// <summary>Commit step 1: every file and folder of the staging folder to disk, so no rename publishes data still in memory.</summary>
    public void SyncStaging() => DiskSync.Tree(Staging, WorkCacheFolder);

    /// <summary>Commit step 2: the previous output becomes X.old (an empty folder is just removed).</summary>
    public void RetireTarget()
    {
        if (!Directory.Exists(Target)) return;
        if (DatasetMarker.IsEmpty(Target)) Directory.Delete(Target);
        else Directory.Move(Target, Retired);
        DiskSync.Sync(Parent);
    }

    /// <summary>Commit step 3: the staging folder becomes X.</summary>
    public void PublishStaging()
    {
        Directory.Move(Staging, Target);
        DiskSync.Sync(Parent);
    }

    /// <summary>Commit step 4: the previous output is deleted.</summary>
    public void RemoveRetired()
    {
        if (!Directory.Exists(Retired)) return;
        DatasetMarker.Delete(Retired);
        DiskSync.Sync(Parent);
    }

    /// <summary>After a failure: drops the staging folder and puts back a previous output the commit had retired.</summary>
    public void Abandon()
    {
        Recover();
        RescueWork();
        if (Directory.Exists(Staging)) DatasetMarker.Delete(Staging);
    }

    /// <summary>Releases the output's lock.</summary>
    public void Dispose() => _lock.Dispose();

    private string Parent => Path.GetDirectoryName(Target)!;

    /// <summary>A commit cut short between steps 2 and 3 left no target and a complete X.old: the previous output goes back.</summary>
    private void Recover()
    {
        if (Directory.Exists(Target) || !Directory.Exists(Retired) || !DatasetMarker.IsMarked(Retired)) return;
        Directory.Move(Retired, Target);
        DiskSync.Sync(Parent);
    }

    /// <summary>Refuses, before taking the lock (so a refusal leaves no file behind), a target Trap must not replace.</summary>
    public static void RefuseForeignTarget(string target)
    {
        if (File.Exists(target))
        {
            throw new OutputFolderException($"output {target} is a file, not a folder. Choose a folder with --output or [job] output.");
        }
        if (Directory.Exists(target) && !DatasetMarker.IsMarked(target) && !DatasetMarker.IsEmpty(target))
        {
            throw new OutputFolderException(
                $"output {target} is a folder with files that Trap did not write (it has no {DatasetMarker.FileName} marker), " +
                "and Trap replaces only its own outputs. Choose a new or empty folder with --output or [job] output, " +
                "or move those files away (an output of a Trap older than the marker can be deleted by hand).");
        }
    }

    private void Prepare()
    {
        RescueWork();
        RemoveLeftover(Staging);
        RemoveLeftover(Retired);
        Directory.CreateDirectory(Staging);
        DatasetMarker.Write(Staging);
    }

    /// <summary>
    /// `trap stream` moves the dataset's work folder into its staging just before a commit
    /// (docs/streaming.md); a batch stopped in between would lose it with the staging, so a target
    /// without one takes it back.
    /// </summary>
    private void RescueWork()
    {
        var staged = Path.Combine(Staging, WorkCacheFolder);
        var kept = Path.Combine(Target, WorkCacheFolder);
        if (!Directory.Exists(staged) || !Directory.Exists(Target) || Directory.Exists(kept) || !DatasetMarker.IsMarked(Staging)) return;
        Directory.Move(staged, kept);
    }

    /// <summary>Deletes a staging or retired folder left by an earlier run, only if Trap made it.</summary>
    private static void RemoveLeftover(string folder)
    {
        if (!Directory.Exists(folder)) return;
        if (DatasetMarker.IsMarked(folder)) DatasetMarker.Delete(folder);
        else if (DatasetMarker.IsEmpty(folder)) Directory.Delete(folder);
        else
        {
            throw new OutputFolderException(
                $"{folder} holds files that Trap did not write (no {DatasetMarker.FileName} marker), but Trap needs that name for the output's " +
                "staging. Move or rename it, then run again.");
        }
    }
}
