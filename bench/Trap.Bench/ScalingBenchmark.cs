using System.Diagnostics;
using Trap.Images.Accessors;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Planning;
using Trap.Science.Extraction;
using Trap.Pipeline.Stages;
using Trap.Science.Quality;

namespace Trap.Bench;

/// <summary>
/// scaling: the whole job as a user runs it (`trap run`, a separate process each) on generated
/// surveys of 1024² images, for the MapReduce targets: `scaling [--images 200] [--size 1024]
/// [--one-field]` (--one-field: the 1 field × 1 band shape only).
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
        var shapes = args.Contains("--one-field") ? new[] { (1, 1) } : new[] { (1, 1), (4, 5) };
        foreach (var (fields, bands) in shapes)
        {
            var job = BenchSurveys.Job(fields, bands, Math.Max(1, images / (fields * bands)), size);
            var count = fields * bands * Math.Max(1, images / (fields * bands));
            var one = TrapProcess.Run("run", job, "--output", Path.Combine(job, "out-local1"), "--master", "local[1]", "--no-database");
            var two = TrapProcess.Run("run", job, "--output", Path.Combine(job, "out-local2"), "--master", "local[2]", "--no-database");
            Console.WriteLine($"  {fields} field(s) x {bands} band(s), {count} images: local[1] {one.WallSeconds:F1} s, local[2] {two.WallSeconds:F1} s, " +
                              $"speed-up {one.WallSeconds / two.WallSeconds:F2} (target >= 1.8); peak RSS local[2] {two.MaxRssMb:F0} MB");
            Console.WriteLine($"    CPU user/system: local[1] {one.UserSeconds:F1}/{one.SystemSeconds:F1} s, local[2] {two.UserSeconds:F1}/{two.SystemSeconds:F1} s");
            if (fields == 1)
            {
                var extraction = ExtractionOnly(job);
                Console.WriteLine($"    per image: pipeline local[1] {1000 * one.WallSeconds / count:F1} ms, extraction only {1000 * extraction.Seconds / count:F1} ms, " +
                                  $"ratio {one.WallSeconds / extraction.Seconds:F2} (target <= 1.3)");
                Console.WriteLine($"    extraction only: {extraction.Gen2Collections} gen-2 collections, CPU user/system " +
                                  $"{extraction.UserSeconds:F1}/{extraction.SystemSeconds:F1} s for {count} images");
            }
        }
        return 0;
    }

    /// <summary>
    /// Read, QC and extraction of every image of the job, on one core in this process (after one
    /// warm-up image), with the gen-2 collections and CPU time it took: large per-image allocations
    /// show as gen-2 collections and as system time (docs/architecture.md, "Memory").
    /// </summary>
    private static (double Seconds, int Gen2Collections, double UserSeconds, double SystemSeconds) ExtractionOnly(string job)
    {
        var config = JobConfig.Load(Path.Combine(job, JobConfig.FileName));
        var files = ImageGlob.Expand(config.Job.Images, job);
        void Extract(string file)
        {
            using var ingested = ImageIngest.Ingest(file, new ImageQualityControl(config.Quality), config.Job.ReadOptions);
            if (ingested.Accepted is { } image) SourceExtractor.Extract(image, config.Extraction);
        }
        Extract(files[0]);
        var process = Process.GetCurrentProcess();
        var (gen2, user, system) = (GC.CollectionCount(2), process.UserProcessorTime, process.PrivilegedProcessorTime);
        var clock = Stopwatch.StartNew();
        foreach (var file in files) Extract(file);
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, GC.CollectionCount(2) - gen2, (process.UserProcessorTime - user).TotalSeconds,
            (process.PrivilegedProcessorTime - system).TotalSeconds);
    }
}
