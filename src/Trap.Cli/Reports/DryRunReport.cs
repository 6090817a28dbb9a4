using System.Globalization;
using Trap.Pipeline;
using Trap.Storage.Connection;

namespace Trap.Cli.Reports;

/// <summary>What `trap run --dry-run` prints: the job's matched images and its plan, so a glob or header problem shows before hours of work.</summary>
public static class DryRunReport
{
    /// <summary>Images listed by name; the rest are counted.</summary>
    private const int ListedImages = 10;

    public static void Print(JobPreview job, DatabaseSettings? database)
    {
        var c = CultureInfo.InvariantCulture;
        var plan = job.Plan!;
        Console.WriteLine($"trap run --dry-run: {job.JobFile}");
        Console.WriteLine($"  images = {job.Config.Job.Images}: {job.MatchedImages.Count} files matched, {plan.Images.Count} with readable headers");
        foreach (var image in plan.Images.Take(ListedImages))
        {
            Console.WriteLine(string.Format(c, "    {0,5}  {1:yyyy-MM-dd HH:mm:ss}Z  band {2}  {3}", image.ImageId, image.Header.StartUtc, image.BandId, image.Header.Url));
        }
        if (plan.Images.Count > ListedImages) Console.WriteLine($"    ... and {plan.Images.Count - ListedImages} more");
        foreach (var failed in plan.Unreadable)
        {
            Console.WriteLine($"    rejected from its header: {failed.Header.Url}: {failed.Header.Rejection!.ReasonName}: {failed.Header.Rejection.Explanation}");
        }
        if (plan.Images.Count > 0)
        {
            Console.WriteLine(string.Format(c, "  {0} timesteps from {1:yyyy-MM-dd HH:mm:ss}Z to {2:yyyy-MM-dd HH:mm:ss}Z", plan.Timesteps.Count,
                plan.Images.Min(i => i.Header.StartUtc), plan.Images.Max(i => i.Header.StartUtc)));
        }
        Console.WriteLine($"  {plan.Bands.Count} frequency bands: " +
                          string.Join(", ", plan.Bands.Select(b => string.Format(c, "{0} at {1:F1} MHz", b.Id, b.CentralHz / 1e6))));
        Console.WriteLine($"  {plan.Regions.Count} sky regions: " +
                          string.Join(", ", plan.Regions.Select(r => string.Format(c, "{0} at RA {1:F3}°, Dec {2:+0.000;-0.000}°", r.Id, r.CentreRaDeg, r.CentreDecDeg))));
        Console.WriteLine($"  {plan.Images.Select(i => i.Bucket).Distinct().Count()} sky buckets (one association task each)");
        Console.WriteLine($"  {job.Monitors.Count} monitored positions");
        Console.WriteLine($"  output {job.OutputFolder} ({(Directory.Exists(job.OutputFolder) ? "replaced when a run completes" : "new")})");
        Console.WriteLine($"  database: {database?.Masked ?? "none (the dataset is not loaded)"}");
        Console.WriteLine("Nothing was written. Run it with the same command without --dry-run.");
    }
}
