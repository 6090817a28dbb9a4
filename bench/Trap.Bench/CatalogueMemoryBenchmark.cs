using System.Diagnostics;
using Trap.Science.Association;

namespace Trap.Bench;

/// <summary>
/// catalogue-memory: what the running catalogue keeps as a stream's history grows, fed directly (no
/// images, so a shared machine's load does not slow the feed): `catalogue-memory [--sources 10]
/// [--bands 2] [--timesteps 16000] [--window 4096]` (window 0: no bound; docs/science.md §8.3). Each
/// timestep is one image per band with every source detected (steady sources, 1 % noise, a few
/// flaring). Prints, at the end of each quarter of the timesteps, the managed heap after a full
/// collection (which the machine's load does not change), the light-curve points the sources hold,
/// the summaries' cost, and the quarter's association time (that one is noisy).
/// </summary>
public static class CatalogueMemoryBenchmark
{
    public static int Run(string[] args)
    {
        var sources = ClusterBenchmark.Option(args, "--sources", 10);
        var bands = ClusterBenchmark.Option(args, "--bands", 2);
        var timesteps = ClusterBenchmark.Option(args, "--timesteps", 16000);
        var window = ClusterBenchmark.Option(args, "--window", new AssociationConfig().VariabilityWindow);
        var config = new AssociationConfig { VariabilityWindow = window };
        var catalogue = new RunningCatalogue(config);
        var rng = new Random(3);
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        long nextId = 1, imageId = 1;
        Console.WriteLine($"catalogue-memory: {sources} sources x {bands} bands x {timesteps} timesteps, variability_window {window}");
        Console.WriteLine($"  heap at start {HeapMb():F1} MB");
        var clock = Stopwatch.StartNew();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            for (var t = (quarter - 1) * timesteps / 4; t < quarter * timesteps / 4; t++)
            {
                for (var band = 0; band < bands; band++)
                {
                    var image = new ImageRecord(imageId++, band, 1, t0.AddSeconds(t), 60e6 + 2e6 * band, 10.0, 30.0, 2.0, 0.01, 1e-3, 1.5e-3, 8.0, false);
                    var blind = Enumerable.Range(0, sources).Select(s =>
                    {
                        // Source s sits 0.1° apart on a line; every fifth flares tenfold now and then.
                        var flux = (1.0 + s) * (s % 5 == 0 && t % 997 < 5 ? 10.0 : 1.0) * (1 + 0.01 * AssociationBenchmark.Gaussian(rng));
                        return AssociationBenchmark.Measure(nextId++, image, ExtractType.Blind, 10.0 + 0.1 * s, 30.0, flux, config, null);
                    }).ToList();
                    catalogue.AssociateImage(image, blind);
                }
            }
            var associating = clock.Elapsed.TotalSeconds;
            var summarising = Stopwatch.StartNew();
            var summaries = catalogue.Summaries();
            var summarySeconds = summarising.Elapsed.TotalSeconds;
            Console.WriteLine($"  quarter {quarter}: {quarter * timesteps / 4} timesteps, heap after GC {HeapMb():F1} MB, " +
                              $"{catalogue.RetainedLightCurvePoints} light-curve points held ({catalogue.Count} sources), " +
                              $"summaries {summarySeconds * 1e3:F1} ms, association {associating:F1} s (max |m| of source 0: {summaries[0].MIntSignificantMax:F3})");
            clock.Restart();
        }
        return 0;
    }

    private static double HeapMb() => GC.GetTotalMemory(forceFullCollection: true) / 1e6;
}
