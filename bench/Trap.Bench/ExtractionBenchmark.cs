using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Trap.Formats.Fits;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;

namespace Trap.Bench;

/// <summary>
/// extraction: blind source extraction (TraP defaults, but extraction radius 0 so the whole image is
/// searched) on 1024² images with ~100 sources and 2048² images with ~2000 sources, one thread,
/// median of N runs per image; baseline: photutils (Background2D + detect_sources + SourceCatalog,
/// tests/crosscheck/photutils_extract.py run by /usr/bin/python3) timed on the same FITS files,
/// FITS reading excluded on both sides. Option: runs per image (default 10).
/// The workload is white noise plus beam-shaped Gaussians of S/N 10–100 (until the survey generator
/// offers an in-memory renderer, this keeps the benchmark self-contained).
/// </summary>
public static class ExtractionBenchmark
{
    // Enough calls for the tiered JIT to promote the hot methods to optimised code (30 calls).
    private const int WarmUpRuns = 35;
    private const int ImagesPerSize = 2;
    private const double Noise = 1e-3;
    private static readonly BeamShape Beam = new(2.5, 2.0, 0.4);

    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var folder = Directory.CreateTempSubdirectory("trap-bench-extraction-");
        try
        {
            var config = new ExtractionConfig { ExtractionRadiusPix = 0 };
            Console.WriteLine($"extraction: median of {runs} runs per image, single thread, {ImagesPerSize} images per size");
            Console.WriteLine($"{"image",-8} {"sources",8} {"found",6} {"ms/image",9} {"images/s/core",14} {"photutils ms",13} {"speed-up",9}");
            var ok = true;
            foreach (var (size, sources) in new[] { (1024, 100), (2048, 2000) })
            {
                var (ms, found, peerMs) = Measure(folder.FullName, size, sources, runs, config);
                Console.WriteLine($"{size + "²",-8} {sources,8} {found,6} {ms,9:F1} {1e3 / ms,14:F1} {peerMs,13:F0} {peerMs / ms,9:F1}");
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

    private static (double Ms, int Found, double PeerMs) Measure(string folder, int size, int sources, int runs, ExtractionConfig config)
    {
        var times = new List<double>();
        var found = 0;
        var files = new List<string>();
        for (var image = 0; image < ImagesPerSize; image++)
        {
            var pixels = Workload(size, sources, seed: size + image);
            var path = Path.Combine(folder, $"bench-{size}-{image}.fits");
            var header = new FitsHeader([FitsCard.OfString("BUNIT", "JY/BEAM")]);
            FitsWriter.Write(path, header, pixels, [size, size]);
            files.Add(path);
            for (var run = -WarmUpRuns; run < runs; run++)
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var result = PixelExtraction.Run(pixels, size, size, Beam, config, path);
                watch.Stop();
                if (run < 0) continue;
                times.Add(watch.Elapsed.TotalMilliseconds);
                found = result.Measurements.Count;
            }
        }
        times.Sort();
        return (times[times.Count / 2], found, PhotutilsMilliseconds(files));
    }

    /// <summary>Median photutils extraction time over the files (ms), or NaN when the peer cannot run.</summary>
    private static double PhotutilsMilliseconds(List<string> files)
    {
        var script = FindScript();
        if (script is null) return double.NaN;
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { script, "--smaj", "2.5", "--smin", "2.0" }.Concat(files)) start.ArgumentList.Add(a);
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

    /// <summary>Seeded white noise plus beam-shaped sources with S/N log-uniform in [10, 100], away from the edges.</summary>
    private static float[] Workload(int size, int sources, int seed)
    {
        var random = new Random(seed);
        var pixels = new float[size * size];
        for (var i = 0; i < pixels.Length; i += 2)
        {
            // Box–Muller: two normal deviates per pair of uniforms.
            var r = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var phi = 2 * Math.PI * random.NextDouble();
            pixels[i] = (float)(Noise * r * Math.Cos(phi));
            if (i + 1 < pixels.Length) pixels[i + 1] = (float)(Noise * r * Math.Sin(phi));
        }
        for (var s = 0; s < sources; s++)
        {
            var g = new GaussianParameters(Noise * Math.Pow(10, 1 + random.NextDouble()),
                20 + random.NextDouble() * (size - 40), 20 + random.NextDouble() * (size - 40), Beam.SemiMajor, Beam.SemiMinor, Beam.Theta);
            for (var y = (int)g.Y - 12; y <= (int)g.Y + 12; y++)
            {
                for (var x = (int)g.X - 12; x <= (int)g.X + 12; x++) pixels[y * size + x] += (float)g.Evaluate(x, y);
            }
        }
        return pixels;
    }
}
