using System.Runtime.InteropServices;

namespace Trap.Images.Accessors;

/// <summary>
/// What a path is, from stat(2) without opening it: opening a FIFO blocks until a writer comes, and a
/// device may never end, so Trap asks before it reads. .NET exposes no file type, so this calls the
/// runtime's own stat shim (libSystem.Native, shipped with every .NET on Unix), whose FileStatus
/// starts with Flags and Mode and uses the portable S_IFMT bits.
/// </summary>
public static partial class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>True for a regular file or a folder (symlinks followed); false for a FIFO, socket or device.
    /// A path that cannot be stat'ed counts as regular, so the reader reports its real error.</summary>
    public static bool IsRegularFileOrFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        var type = TypeOf(path);
        return type is null or RegularFile or Directory;
    }

    /// <summary>A name for a non-regular file type, for error messages.</summary>
    public static string Describe(string path) => TypeOf(path) switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "not a regular file",
    };

    private static unsafe int? TypeOf(string path)
    {
        // FileStatus is 17 fields of at most 8 bytes; 256 bytes leaves room for a newer runtime's additions.
        var status = stackalloc byte[256];
        if (Stat(path, status) != 0) return null;
        return ((int*)status)[1] & TypeMask;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* status);
}
