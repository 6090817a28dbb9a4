using System.Runtime.InteropServices;

namespace Trap.Pipeline.Planning;

/// <summary>
/// The canonical path of a file or folder, every symlink in it resolved (realpath(3)): two paths to
/// one file or folder give the same string, which is how the image glob follows each once.
/// </summary>
internal static partial class RealPath
{
    /// <summary>The real path, or the full path when it cannot be resolved (e.g. a dangling link).</summary>
    public static string Of(string path)
    {
        if (OperatingSystem.IsWindows()) return Path.GetFullPath(path);
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return Path.GetFullPath(path);
        try
        {
            return Marshal.PtrToStringUTF8(resolved)!;
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr memory);
}
