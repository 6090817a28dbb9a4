using System.Diagnostics;
using Trap.Formats.Buffers;
using Trap.Images;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Detection;

namespace Trap.Bench;

/// <summary>
/// Where blind extraction spends its time (issue 18's profile): the steps of PixelExtraction.Run
/// called one by one on the same image — mask, background grid (κσ clipping per cell), the maps (grid
/// again plus interpolation; the grid's own time is subtracted), thresholding and island labelling —
/// and the whole extraction, whose remainder is deblending, fitting and the sky conversion. Median
/// milliseconds over the runs, all in one process so the phases share the machine's load.
/// </summary>
public static class ExtractionPhases
{
    public static void Print(SkyImage image, ExtractionConfig config, int warmUp, int runs)
    {
        var names = new[] { "mask", "grid (κσ clip)", "interpolation", "islands", "fit + sky", "total" };
        var times = names.Select(_ => new List<double>()).ToArray();
        var (pixels, width, height) = (image.Pixels, image.Width, image.Height);
        for (var run = -warmUp; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var mask = ExtractionMask.Build(pixels, width, height, config.Margin, config.ExtractionRadiusPix);
            var tMask = watch.Elapsed.TotalMilliseconds;
            var box = PixelBox.OfUnmasked(mask, width, height);
            BackgroundGridEstimator.Estimate(pixels, width, box, config.BackSizeX, config.BackSizeY);
            var tGrid = watch.Elapsed.TotalMilliseconds;
            using var maps = BackgroundMaps.Compute(pixels, mask, width, height, config.BackSizeX, config.BackSizeY);
            var tMaps = watch.Elapsed.TotalMilliseconds;
            IslandFinder.Find(pixels, maps, config.DetectionThreshold, config.AnalysisThreshold);
            var tIslands = watch.Elapsed.TotalMilliseconds;
            ExactLengthArrayPool<bool>.Shared.Return(mask);
            watch.Restart();
            SourceExtractor.Extract(image, config);
            var tTotal = watch.Elapsed.TotalMilliseconds;
            if (run < 0) continue;
            var grid = tGrid - tMask;
            var interpolation = tMaps - tGrid - grid;
            var islands = tIslands - tMaps;
            var phases = new[] { tMask, grid, interpolation, islands, tTotal - tMask - grid - interpolation - islands, tTotal };
            for (var p = 0; p < phases.Length; p++) times[p].Add(phases[p]);
        }
        Console.WriteLine($"  phases of one {width}x{height} image (median ms of {runs}):");
        for (var p = 0; p < names.Length; p++)
        {
            Console.WriteLine($"    {names[p],-16} {BenchStatistics.Median(times[p]),8:F2}");
        }
    }
}
