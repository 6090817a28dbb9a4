using System.Diagnostics;
using Trap.Formats.Fits;

namespace Trap.Bench;

/// <summary>
/// fits-read: reads 1024² and 2048² float32 FITS files (written to a temporary folder, page cache
/// warm) with <see cref="FitsFile.ReadImage(string)"/>, against File.ReadAllBytes of the same file as
/// the baseline. Reports the median of N runs on one thread. Option: the number of runs (default 15).
/// </summary>
public static class FitsReadBenchmark
{
    private const int WarmUpRuns = 3;

    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
        var folder = Directory.CreateTempSubdirectory("trap-bench-fits-");
        try
        {
            Console.WriteLine($"fits-read: median of {runs} runs, single thread, warm page cache");
            Console.WriteLine($"{"image",-10} {"file MB",8} {"copy ms",8} {"copy MB/s",10} {"read ms",8} {"read MB/s",10} {"images/s/core",14} {"read/copy",10}");
            var worst = 0.0;
            foreach (var size in new[] { 1024, 2048 }) worst = Math.Max(worst, Measure(folder.FullName, size, runs));
            Console.WriteLine(worst <= 2.0 ? $"OK: the reader is within 2x of a raw copy (worst {worst:F2}x)" : $"SLOW: the reader takes {worst:F2}x a raw copy (goal: 2x)");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static double Measure(string folder, int size, int runs)
    {
        var path = Path.Combine(folder, $"bench-{size}.fits");
        var random = new Random(size);
        var pixels = new float[size * size];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)(random.NextDouble() - 0.5) * 1e-3f;
        var header = new FitsHeader([FitsCard.OfString("CTYPE1", "RA---SIN"), FitsCard.OfString("CTYPE2", "DEC--SIN"), FitsCard.OfString("BUNIT", "JY/BEAM")]);
        FitsWriter.Write(path, header, pixels, [size, size, 1, 1]);
        var fileBytes = new FileInfo(path).Length;

        var read = FitsFile.ReadImage(path).Pixels;
        if (!read.AsSpan().SequenceEqual(pixels)) throw new InvalidOperationException("the benchmark file did not read back its own pixels");

        var copyTimes = new List<double>();
        var readTimes = new List<double>();
        for (var run = -WarmUpRuns; run < runs; run++)
        {
            // Alternate the order so neither side always runs first.
            double copy, fits;
            if (run % 2 == 0)
            {
                copy = Time(() => File.ReadAllBytes(path).Length);
                fits = Time(() => FitsFile.ReadImage(path).Pixels.Length);
            }
            else
            {
                fits = Time(() => FitsFile.ReadImage(path).Pixels.Length);
                copy = Time(() => File.ReadAllBytes(path).Length);
            }
            if (run < 0) continue;
            copyTimes.Add(copy);
            readTimes.Add(fits);
        }
        var copyMs = BenchStatistics.Median(copyTimes);
        var readMs = BenchStatistics.Median(readTimes);
        var megabytes = fileBytes / 1e6;
        var ratio = readMs / copyMs;
        Console.WriteLine($"{size + "²",-10} {megabytes,8:F2} {copyMs,8:F2} {megabytes / copyMs * 1e3,10:F0} {readMs,8:F2} {megabytes / readMs * 1e3,10:F0} {1e3 / readMs,14:F1} {ratio,10:F2}");
        return ratio;
    }

    private static double Time(Func<int> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalMilliseconds;
    }
}
