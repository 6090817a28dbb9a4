using System.Diagnostics;
using Trap.Formats.Wcs;
using Trap.Images;
using Trap.Science.Quality;

namespace Trap.Bench;

/// <summary>
/// Per-image quality control (census, rms_qc, every check) on a synthetic LOFAR image, single thread.
/// Baseline: copying the pixel array once. Options: [size=2048] [images=10].
/// </summary>
public static class QualityBenchmark
{
    public static int Run(string[] args)
    {
        var size = args.Length > 0 ? int.Parse(args[0]) : 2048;
        var count = args.Length > 1 ? int.Parse(args[1]) : 10;
        var image = new SkyImage(Metadata(size), Noise(size * size));
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

    private static ImageMetadata Metadata(int size) => new()
    {
        Url = "memory://bench.fits",
        Telescope = "LOFAR",
        Accessor = "lofar",
        Width = size,
        Height = size,
        Wcs = CelestialWcs.FromParameters(CelestialWcsParameters.Simple("SIN", 30, 60, size / 2.0, size / 2.0, -3.0 / 3600, 3.0 / 3600)),
        PixelSizeXDeg = 3.0 / 3600,
        PixelSizeYDeg = 3.0 / 3600,
        FrequencyHz = 150e6,
        BandwidthHz = 195312.5,
        Beam = new RestoringBeam(12.0 / 3600, 8.0 / 3600, 0),
        StartUtc = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc),
        IntegrationSeconds = 60,
        CentreRaDeg = 30,
        CentreDecDeg = 60,
        Lofar = new LofarFields("HBA_DUAL_INNER", 24, 14, 0, 1, 195312.5, 64),
    };

    private static float[] Noise(int count)
    {
        // σ = 50 mJy, about 4 × the theoretical noise of the metadata above (12.9 mJy): an image QC accepts.
        var random = new Random(42);
        var pixels = new float[count];
        for (var i = 0; i < count; i++)
            pixels[i] = (float)(0.05 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return pixels;
    }
}
