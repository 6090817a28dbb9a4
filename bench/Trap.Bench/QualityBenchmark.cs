using System.Diagnostics;
using Trap.Science.Quality;
using Trap.Simulation;

namespace Trap.Bench;

/// <summary>
/// Per-image quality control (census, rms_qc, every check) on a generated LOFAR image, single thread.
/// Baseline: copying the pixel array once. Options: [size=2048] [images=10].
/// </summary>
public static class QualityBenchmark
{
    public static int Run(string[] args)
    {
        var size = args.Length > 0 ? int.Parse(args[0]) : 2048;
        var count = args.Length > 1 ? int.Parse(args[1]) : 10;
        // A generated LOFAR image (noise about 3.5 × the theoretical noise, sources): one QC accepts.
        var spec = new SurveySpec
        {
            Pointings = 1, Timesteps = 1, BandFrequenciesHz = [150e6], ImageSize = size,
            Transients = TransientCounts.None, BadImages = BadImageFractions.None,
        };
        var image = new Survey(spec).Render(0, 0, 0).ToSkyImage();
        var qc = new ImageQualityControl(new QualityConfig());
        var copy = new float[image.Pixels.Length];

        qc.Run(image); // warm-up (JIT)
        var baseline = Time(count, () => Array.Copy(image.Pixels, copy, copy.Length));
        QualityVerdict? verdict = null;
        var quality = Time(count, () => verdict = qc.Run(image));

        Console.WriteLine($"quality control, {size}x{size} float32, {count} images, 1 core");
        Console.WriteLine($"  QC:       {count / quality,10:F1} images/s per core ({quality / count * 1e3:F1} ms/image), verdict {(verdict!.Accepted ? "accepted" : verdict.Rejection)}");
        Console.WriteLine($"  baseline: {count / baseline,10:F1} images/s per core (pixel array copy)");
        Console.WriteLine($"  ratio QC time / copy time: {quality / baseline:F1}");
        return 0;
    }

    private static double Time(int count, Action action)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) action();
        return watch.Elapsed.TotalSeconds;
    }
}
