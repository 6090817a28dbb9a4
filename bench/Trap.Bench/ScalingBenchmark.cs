using System.Diagnostics;
using Trap.Images.Accessors;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Planning;
using Trap.Science.Extraction;
using Trap.Science.Quality;

namespace Trap.Bench;

/// <summary>
/// scaling: the whole job as a user runs it (`trap run`, a separate process each) on generated
/// surveys of 1024² images, for the MapReduce targets: `scaling [--images 200] [--size 1024]`.
/// - local[2] / local[1] wall-time speed-up on two survey shapes of about --images images:
///   1 field × 1 band, and 4 fields × 5 bands (target ≥ 1.8).
/// - whole pipeline per image on local[1] against extraction only (read, QC, extraction, in this
///   process, one core) per image on the same images (target ≤ 1.3×).
/// </summary>
public static class ScalingBenchmark
{
    public static int Run(string[] args)
    {
        var images = ClusterBenchmark.Option(args, "--images", 200);
        var size = ClusterBenchmark.Option(args, "--size", 1024);

        Console.WriteLine($"scaling: {size}² images, {Environment.ProcessorCount} cores");
        foreach (var (fields, bands) in new[] { (1, 1), (4, 5) })
        {
            var job = BenchSurveys.Job(fields, bands, Math.Max(1, images / (fields * bands)), size);
            var count = fields * bands * Math.Max(1, images / (fields * bands));
            var one = TrapProcess.Run("run", job, "--output", Path.Combine(job, "out-local1"), "--master", "local[1]", "--no-database");
            var two = TrapProcess.Run("run", job, "--output", Path.Combine(job, "out-local2"), "--master", "local[2]", "--no-database");
            Console.WriteLine($"  {fields} field(s) x {bands} band(s), {count} images: local[1] {one.WallSeconds:F1} s, local[2] {two.WallSeconds:F1} s, " +
                              $"speed-up {one.WallSeconds / two.WallSeconds:F2} (target >= 1.8); peak RSS local[2] {two.MaxRssMb:F0} MB");
            if (fields == 1)
            {
                var extraction = ExtractionOnlySeconds(job);
                Console.WriteLine($"    per image: pipeline local[1] {1000 * one.WallSeconds / count:F1} ms, extraction only {1000 * extraction / count:F1} ms, " +
                                  $"ratio {one.WallSeconds / extraction:F2} (target <= 1.3)");
            }
        }
        return 0;
    }

    /// <summary>Read, QC and extraction of every image of the job, on one core in this process (after one warm-up image).</summary>
    private static double ExtractionOnlySeconds(string job)
    {
        var config = JobConfig.Load(Path.Combine(job, JobConfig.FileName));
        var files = ImageGlob.Expand(config.Job.Images, job);
        void Extract(string file)
        {
            var ingested = ImageIngest.Ingest(file, new ImageQualityControl(config.Quality), config.Job.ReadOptions);
            if (ingested.Accepted is { } image) SourceExtractor.Extract(image, config.Extraction);
        }
        Extract(files[0]);
        var clock = Stopwatch.StartNew();
        foreach (var file in files) Extract(file);
        return clock.Elapsed.TotalSeconds;
    }
}
