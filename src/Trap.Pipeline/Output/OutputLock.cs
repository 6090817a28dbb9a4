using System.Globalization;
using System.Text;
using Trap.Dataset;

namespace Trap.Pipeline.Output;

/// <summary>
/// Keeps two runs from writing one output at once: an exclusive OS lock on the file X.lock beside the
/// output X, held for the whole run, with the holder's process id, host and start time written inside
/// for the message of a run that is refused. The OS drops the lock when the process ends, however it
/// ends, so a lock file left behind by a killed run never blocks the next one. The file itself stays
/// (deleting it would let two runs lock two different files of the same name).
/// </summary>
public sealed class OutputLock : IDisposable
{
    private const string Header = "Trap output lock";

    private readonly FileStream _file;

    private OutputLock(FileStream file) => _file = file;

    public static string PathFor(string target) => target + ".lock";

    /// <summary>Takes the lock of <paramref name="target"/>; throws <see cref="OutputFolderException"/> naming the holder when another run has it.</summary>
    public static OutputLock Take(string target)
    {
        var path = PathFor(target);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error) when (error is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new OutputFolderException(
                $"output {target} is being written by another run ({Holder(path)}, holding {path}). " +
                "Wait for that run to finish, or choose another output with --output or [job] output.");
        }
        if (file.Length > 0 && !new StreamReader(file, leaveOpen: true).ReadToEnd().StartsWith(Header, StringComparison.Ordinal))
        {
            file.Dispose();
            throw new OutputFolderException(
                $"{path} exists and is not a Trap lock file; Trap keeps the lock of output {target} there. Move or rename that file, then run again.");
        }
        file.SetLength(0);
        var since = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        file.Write(Encoding.UTF8.GetBytes($"{Header}\npid {Environment.ProcessId} on host {Environment.MachineName} since {since}\n"));
        file.Flush(flushToDisk: true);
        return new OutputLock(file);
    }

    /// <summary>Who holds the lock, as its file says ("pid N on host H since T").</summary>
    private static string Holder(string path)
    {
        try
        {
            var lines = DiskSync.ReadUnlocked(path, 1024).Split('\n');
            return lines.Length > 1 && lines[0] == Header ? "process " + lines[1] : "a process that did not write its name there";
        }
        catch (Exception error) when (error is IOException or DllNotFoundException)
        {
            return "another process";
        }
    }

    /// <summary>Empties the file, so it names no one once released, and releases the lock.</summary>
    public void Dispose()
    {
        _file.SetLength(0);
        _file.Dispose();
    }
}
