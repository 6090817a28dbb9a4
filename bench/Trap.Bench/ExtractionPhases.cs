using Trap.Formats.Buffers;
using Trap.Formats.Fits;
using Trap.Images;
using Trap.Pipeline.Progress;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Detection;
using Trap.Science.Extraction.Fitting;

namespace Trap.Bench;

/// <summary>
/// Where blind extraction spends its time (issue 18's profile): the steps of PixelExtraction.Run
/// called one by one on the same image — mask, background grid (κσ clipping per cell), the maps (grid
/// again plus interpolation; the grid's own time is subtracted), thresholding and island labelling,
/// the noise correlation — and the whole extraction, whose remainder is fitting and the sky
/// conversion; beside them the FITS read of the same file and the floor, one plain pass over the
/// image's pixels (<see cref="MemoryPasses"/>). Median thread CPU milliseconds over the runs
/// (<see cref="ThreadCpuClock"/>), so the figures and the ratio to the read hold on a loaded machine.
/// </summary>
public static class ExtractionPhases
{
    private static readonly string[] Names = ["mask", "grid (κσ clip)", "interpolation", "islands", "noise correlation", "fits, sky", "extraction", "FITS read"];

    public static void Print(SkyImage image, string path, ExtractionConfig config, int warmUp, int runs)
    {
        if (!ThreadCpuClock.IsAvailable)
        {
            Console.WriteLine("  phases: the thread CPU clock needs Linux; skipped");
            return;
        }
        var times = Names.Select(_ => new List<double>()).ToArray();
        for (var run = -warmUp; run < runs; run++)
        {
            var phases = TimePhases(image, path, config);
            if (run < 0) continue;
            for (var p = 0; p < phases.Length; p++) times[p].Add(phases[p]);
        }
        var medians = times.Select(BenchStatistics.Median).ToArray();
        var (passMs, copyMs) = MemoryPasses.Measure(image.Pixels, warmUp + runs);
        Console.WriteLine($"  phases of one {image.Width}x{image.Height} image (median thread CPU ms of {runs}):");
        for (var p = 0; p < Names.Length; p++) Console.WriteLine($"    {Names[p],-20} {medians[p],8:F2}");
        Console.WriteLine($"    {"extraction / read",-20} {medians[^2] / medians[^1],8:F1}");
        Console.WriteLine($"    {"one read pass",-20} {passMs,8:F2}   ({image.Pixels.Length * 4 >> 20} MB of pixels summed; a copy pass {copyMs:F2})");
        Console.WriteLine($"    {"extraction / pass",-20} {medians[^2] / passMs,8:F1}   (read passes' worth; {medians[^2] / copyMs:F1} copy passes)");
    }

    private static double[] TimePhases(SkyImage image, string path, ExtractionConfig config)
    {
        var (pixels, width, height) = (image.Pixels, image.Width, image.Height);
        var start = ThreadCpuClock.Milliseconds();
        var mask = ExtractionMask.Build(pixels, width, height, config.Margin, config.ExtractionRadiusPix);
        var tMask = ThreadCpuClock.Milliseconds();
        BackgroundGridEstimator.Estimate(pixels, width, PixelBox.OfUnmasked(mask, width, height), config.BackSizeX, config.BackSizeY);
        var tGrid = ThreadCpuClock.Milliseconds();
        using var maps = BackgroundMaps.Compute(pixels, mask, width, height, config.BackSizeX, config.BackSizeY);
        var tMaps = ThreadCpuClock.Milliseconds();
        IslandFinder.Find(pixels, maps, config.DetectionThreshold, config.AnalysisThreshold);
        var tIslands = ThreadCpuClock.Milliseconds();
        if (config.ErrorModel == ErrorModel.MeasuredNoise) NoiseCorrelation.Measure(pixels, maps, BeamShape.From(image.Metadata.BeamPixels));
        var tCorrelation = ThreadCpuClock.Milliseconds();
        ExactLengthArrayPool<bool>.Shared.Return(mask);

        var extractStart = ThreadCpuClock.Milliseconds();
        SourceExtractor.Extract(image, config);
        var extraction = ThreadCpuClock.Milliseconds() - extractStart;
        var readStart = ThreadCpuClock.Milliseconds();
        var (_, read) = FitsFile.ReadImage(path);
        var readMs = ThreadCpuClock.Milliseconds() - readStart;
        ExactLengthArrayPool<float>.Shared.Return(read);

        var grid = tGrid - tMask;
        var interpolation = tMaps - tGrid - grid;
        var islands = tIslands - tMaps;
        var correlation = tCorrelation - tIslands;
        var mask0 = tMask - start;
        return [mask0, grid, interpolation, islands, correlation, extraction - mask0 - grid - interpolation - islands - correlation, extraction, readMs];
    }
}
