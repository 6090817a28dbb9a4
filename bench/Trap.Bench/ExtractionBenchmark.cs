using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Trap.Formats.Buffers;
using Trap.Formats.Fits;
using Trap.Science.Extraction;
using Trap.Simulation;

namespace Trap.Bench;

/// <summary>
/// extraction: blind source extraction (TraP defaults, but extraction radius 0 so the whole image is
/// searched) on 1024² images with ~100 sources and 2048² images with ~2000 sources, one thread,
/// median of N runs per image; baseline: photutils (Background2D + detect_sources + SourceCatalog,
/// tests/crosscheck/photutils_extract.py run by /usr/bin/python3) timed on the same FITS files,
/// FITS reading excluded on both sides. Images come from the survey generator (one pointing, LOFAR
/// beam of 4 × 3 px FWHM, noise correlated over the beam, the default flux distribution: most
/// sources faint). Also the FITS read of the same files (FitsFile.ReadImage, page cache warm), and
/// extraction's ratio to it (issue 18's targets: ≤ 4× at 1024², ≤ 6× at 2048²). Options: runs per
/// image (default 10); --no-peer skips photutils (e.g. to profile Trap alone); --phases also prints
/// where the time goes in thread CPU time, robust to the machine's load (<see cref="ExtractionPhases"/>),
/// for the first image of each size.
/// </summary>
public static class ExtractionBenchmark
{
    // Enough calls for the tiered JIT to promote the hot methods to optimised code (30 calls).
    private const int WarmUpRuns = 35;
    private const int ImagesPerSize = 2;

    public static int Run(string[] args)
    {
        var runs = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var peer = !args.Contains("--no-peer");
        var phases = args.Contains("--phases");
        var folder = Directory.CreateTempSubdirectory("trap-bench-extraction-");
        try
        {
            var config = new ExtractionConfig { ExtractionRadiusPix = 0 };
            Console.WriteLine($"extraction: median of {runs} runs per image, single thread, {ImagesPerSize} images per size");
            Console.WriteLine($"{"image",-8} {"sources",8} {"found",6} {"ms/image",9} {"images/s/core",14} {"read ms",8} {"x read",7} {"photutils ms",13} {"speed-up",9}");
            var ok = true;
            foreach (var (size, sources, readTarget) in new[] { (1024, 100, 4), (2048, 2000, 6) })
            {
                var (ms, found, readMs, peerMs) = Measure(folder.FullName, size, sources, runs, config, peer, phases);
                Console.WriteLine($"{size + "²",-8} {sources,8} {found,6} {ms,9:F1} {1e3 / ms,14:F1} {readMs,8:F2} {ms / readMs,7:F1} {peerMs,13:F0} {peerMs / ms,9:F1}" +
                                  $"  (target x read <= {readTarget})");
                if (size == 1024) ok = 1e3 / ms >= 50;
            }
            Console.WriteLine(ok ? "OK: at least 50 images/s per core at 1024² with ~100 sources" : "SLOW: below 50 images/s per core at 1024²");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (double Ms, int Found, double ReadMs, double PeerMs) Measure(string folder, int size, int sources, int runs,
        ExtractionConfig config, bool peer, bool phases)
    {
        var times = new List<double>();
        var readTimes = new List<double>();
        var found = 0;
        var files = new List<string>();
        var survey = new Survey(new SurveySpec
        {
            Seed = size,
            Pointings = 1,
            IncludeRaWrapPointing = false,
            IncludeHighDecPointing = false,
            BandFrequenciesHz = SurveySpec.HbaBands(1),
            Timesteps = ImagesPerSize,
            ImageSize = size,
            SourcesPerPointing = sources,
            BadImages = BadImageFractions.None,
        });
        for (var image = 0; image < ImagesPerSize; image++)
        {
            var rendered = survey.Render(image);
            var sky = rendered.ToSkyImage();
            var path = Path.Combine(folder, $"bench-{size}-{image}.fits");
            FitsWriter.Write(path, rendered.Header, rendered.Pixels, rendered.Axes);
            if (phases && image == 0) ExtractionPhases.Print(sky, path, config, WarmUpRuns, runs);
            files.Add(path);
            for (var run = -WarmUpRuns; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var (_, pixels) = FitsFile.ReadImage(path);
                watch.Stop();
                ExactLengthArrayPool<float>.Shared.Return(pixels);
                if (run >= 0) readTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
            for (var run = -WarmUpRuns; run < runs; run++)
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var result = SourceExtractor.Extract(sky, config);
                watch.Stop();
                if (run < 0) continue;
                times.Add(watch.Elapsed.TotalMilliseconds);
                found = result.Sources.Count;
            }
        }
        times.Sort();
        readTimes.Sort();
        var beam = survey.Render(0).Metadata.BeamPixels;
        return (times[times.Count / 2], found, readTimes[readTimes.Count / 2],
            peer ? PhotutilsMilliseconds(files, beam.SemiMajorPx, beam.SemiMinorPx) : double.NaN);
    }

    /// <summary>Median photutils extraction time over the files (ms), or NaN when the peer cannot run.</summary>
    private static double PhotutilsMilliseconds(List<string> files, double smajPx, double sminPx)
    {
        var script = FindScript();
        if (script is null) return double.NaN;
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        var inv = CultureInfo.InvariantCulture;
        foreach (var a in new[] { script, "--smaj", smajPx.ToString("R", inv), "--smin", sminPx.ToString("R", inv) }.Concat(files))
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start);
        if (process is null) return double.NaN;
        var seconds = new List<double>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            seconds.Add(doc.RootElement.GetProperty("seconds").GetDouble());
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || seconds.Count == 0) return double.NaN;
        seconds.Sort();
        return seconds[seconds.Count / 2] * 1e3;
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "crosscheck", "photutils_extract.py");
            if (File.Exists(candidate)) return candidate;
        }
        Console.Error.WriteLine("photutils_extract.py not found; the baseline is skipped");
        return null;
    }

}
