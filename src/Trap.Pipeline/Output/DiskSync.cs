using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Trap.Dataset;

namespace Trap.Pipeline.Output;

/// <summary>
/// fsync(2) for files and folders, and reading a file without .NET's advisory lock. .NET can flush a
/// file it has open for writing but cannot sync a folder (needed for a rename to survive a power cut),
/// and its reads take a shared lock that a lock holder's exclusive one refuses. Unix only: on Windows
/// durability is left to the operating system.
/// </summary>
internal static partial class DiskSync
{
    private const int ReadOnly = 0;

    /// <summary>
    /// Syncs a folder and everything inside it but the subfolder named <paramref name="skipped"/> (the
    /// run's work cache: many small files, each checked when reused, so it need not survive a power cut),
    /// which is not even listed: it grows with the images, and `trap stream` commits every timestep.
    /// Files <paramref name="durable"/> says are already on disk (hard links to synced files) are left out.
    /// A folder is synced after what it holds.
    /// </summary>
    public static void Tree(string folder, string? skipped = null, Func<string, bool>? durable = null) =>
        SyncTree(folder, skipped is null ? null : Path.Combine(folder, skipped), durable);

    private static void SyncTree(string folder, string? skipped, Func<string, bool>? durable)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (durable?.Invoke(file) != true) Sync(file);
        }
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (child != skipped) SyncTree(child, skipped, durable);
        }
        Sync(folder);
    }

    /// <summary>Syncs one file, or one folder's entries (the names in it, e.g. after a rename).</summary>
    public static void Sync(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        using var handle = OpenReadOnly(path);
        if (Fsync(handle) != 0) throw new IOException($"{path}: fsync failed (errno {Marshal.GetLastPInvokeError()}); is the disk full or failing?");
    }

    /// <summary>The first bytes of a file as text, read even while another process holds an exclusive lock on it.</summary>
    public static string ReadUnlocked(string path, int maxBytes)
    {
        using var handle = OpenReadOnly(path);
        var buffer = new byte[maxBytes];
        return System.Text.Encoding.UTF8.GetString(buffer, 0, RandomAccess.Read(handle, buffer, 0));
    }

    private static SafeFileHandle OpenReadOnly(string path)
    {
        var fd = Open(path, ReadOnly);
        if (fd < 0) throw new IOException($"{path}: cannot open (errno {Marshal.GetLastPInvokeError()})");
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(SafeFileHandle handle);
}
