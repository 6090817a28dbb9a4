using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>Makes the bad inputs of the safety tests: FIFOs and FITS files with one header card changed.</summary>
internal static class SafetyFiles
{
    public static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A copy of a FITS file with the 80-character card of <paramref name="keyword"/> rewritten to hold <paramref name="value"/> (as FITS text).</summary>
    public static byte[] WithCard(string fitsPath, string keyword, string value)
    {
        var bytes = File.ReadAllBytes(fitsPath);
        var prefix = Encoding.ASCII.GetBytes(keyword.PadRight(8) + "=");
        for (var card = 0; card + 80 <= bytes.Length; card += 80)
        {
            if (!bytes.AsSpan(card, prefix.Length).SequenceEqual(prefix)) continue;
            Encoding.ASCII.GetBytes($"{keyword,-8}= {value,20}".PadRight(80)).CopyTo(bytes, card);
            return bytes;
        }
        throw new InvalidOperationException($"{fitsPath} has no {keyword} card");
    }

    public static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
    }
}
