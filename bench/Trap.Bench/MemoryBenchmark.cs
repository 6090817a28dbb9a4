namespace Trap.Bench;

/// <summary>
/// memory: peak resident memory of `trap run --master local[2]` (its own process, /usr/bin/time) on
/// one-field one-band surveys of increasing length: `memory [--counts 100,1600] [--size 1024]`.
/// Target: flat in the number of images (largest within 10 % of smallest) and under 1 GiB, no heap cap.
/// </summary>
public static class MemoryBenchmark
{
    public static int Run(string[] args)
    {
        var size = ClusterBenchmark.Option(args, "--size", 1024);
        var at = Array.IndexOf(args, "--counts");
        var counts = at >= 0 ? args[at + 1].Split(',').Select(int.Parse).ToArray() : new[] { 100, 1600 };
        Console.WriteLine($"memory: local[2], {size}² images, 1 field x 1 band");
        var peaks = new List<double>();
        foreach (var count in counts)
        {
            var job = BenchSurveys.Job(1, 1, count, size);
            var run = TrapProcess.Run("run", job, "--output", Path.Combine(job, "out-memory"), "--master", "local[2]", "--no-database");
            peaks.Add(run.MaxRssMb);
            Console.WriteLine($"  {count,6} images: peak RSS {run.MaxRssMb:F0} MB, {run.WallSeconds:F1} s");
        }
        Console.WriteLine($"  largest / smallest peak: {peaks.Max() / peaks.Min():F2} (target <= 1.10); largest {peaks.Max():F0} MB (target < 1024)");
        return 0;
    }
}
