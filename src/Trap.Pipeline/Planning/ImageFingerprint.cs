using System.IO.Hashing;

namespace Trap.Pipeline.Planning;

/// <summary>
/// A fingerprint of an image file's bytes (XxHash128 of the whole file, a few GB/s), so that a copy
/// under another name is recognised: processed twice, its sources would give two light-curve points
/// for one (source, time). CASA image folders get none (a copy of one is not detected).
/// </summary>
public static class ImageFingerprint
{
    /// <summary>The hex fingerprint of the file at <paramref name="path"/>, or null for a folder.</summary>
    public static string? Of(string path)
    {
        if (Directory.Exists(path)) return null;
        var hash = new XxHash128();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        hash.Append(file);
        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
