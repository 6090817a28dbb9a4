using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Trap.Science.Tests.Extraction;

/// <summary>One source as photutils measured it (pixel position, brightest pixel, fluxes in Jy).</summary>
internal sealed record PeerSource(double X, double Y, double Peak, double SegmentFluxJy, double KronFluxJy, int Pixels);

/// <summary>photutils' result for one image and the time it spent extracting (FITS reading excluded).</summary>
internal sealed record PeerResult(string File, double Seconds, IReadOnlyList<PeerSource> Sources);

/// <summary>
/// Runs tests/crosscheck/photutils_extract.py with Debian's /usr/bin/python3 (package python3-photutils;
/// tests/run-tests.sh installs it) and parses its JSON lines.
/// </summary>
internal static class PhotutilsRunner
{
    public static string ScriptPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "crosscheck", "photutils_extract.py");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("tests/crosscheck/photutils_extract.py not found above " + AppContext.BaseDirectory);
        }
    }

    public static IReadOnlyList<PeerResult> Run(IEnumerable<string> files, double smajPx, double sminPx,
        double det, double anl, int backSize, int margin)
    {
        var inv = CultureInfo.InvariantCulture;
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     ScriptPath, "--smaj", smajPx.ToString("R", inv), "--smin", sminPx.ToString("R", inv),
                     "--det", det.ToString("R", inv), "--anl", anl.ToString("R", inv),
                     "--back-size", backSize.ToString(inv), "--margin", margin.ToString(inv),
                 }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line) lines.Add(line);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"photutils_extract.py failed ({process.ExitCode}); install python3-photutils (apt-get install -y python3-photutils): {stderr.Result}");
        }
        return lines.Select(Parse).ToList();
    }

    private static PeerResult Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var sources = root.GetProperty("sources").EnumerateArray().Select(s => new PeerSource(
            s.GetProperty("x").GetDouble(), s.GetProperty("y").GetDouble(), s.GetProperty("peak").GetDouble(),
            Number(s.GetProperty("segment_flux_jy")), Number(s.GetProperty("kron_flux_jy")), s.GetProperty("npix").GetInt32())).ToList();
        return new PeerResult(root.GetProperty("file").GetString()!, root.GetProperty("seconds").GetDouble(), sources);
    }

    /// <summary>The script writes null where photutils has no value (e.g. no Kron aperture).</summary>
    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;
}
