using System.Runtime.InteropServices;
using Trap.Dataset;

namespace Trap.Pipeline.Work;

/// <summary>
/// Gives a work file a second name without copying its bytes. Safe because work files are never
/// changed in place (each is written under a temporary name and renamed, <see cref="WorkFile"/>), so
/// the earlier dataset and the new run cannot see each other's writes; an appended run thereby costs
/// nothing per earlier image. Falls back to a copy where links are impossible (another filesystem,
/// a system without link(2)).
/// </summary>
internal static partial class HardLink
{
    public static void LinkOrCopy(string from, string to)
    {
        OutputFolders.CreateInside(Path.GetDirectoryName(to)!);
        if (File.Exists(to)) File.Delete(to);
        try
        {
            if (Link(from, to) == 0) return;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not a Unix system: copy.
        }
        if (!File.Exists(from)) throw new FileNotFoundException($"work file {from} is missing", from);
        File.Copy(from, to, overwrite: true);
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string newName);
}
