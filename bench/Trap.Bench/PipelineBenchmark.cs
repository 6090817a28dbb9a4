using System.Diagnostics;
using System.Globalization;
using Trap.Engine;
using Trap.Formats.Fits;
using Trap.Pipeline;
using Trap.Pipeline.Planning;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Bench;

/// <summary>
/// pipeline: the whole job end to end (plan, ingest, QC, extraction, association, forced fits,
/// variability, Parquet output) on a generated survey of 1024² images (default 2000: 4 pointings ×
/// 5 bands × 100 timesteps, ~100 sources per pointing, injected transients and bad images), with one
/// core and with all cores. Baseline, in the same process: reading the same FITS files
/// (FitsFile.ReadImage), the least any pipeline must do. The survey is generated once into
/// state/bench/ and reused. Options: [timesteps (default 100)] [size (default 1024)].
/// Target: ≥ 25 images/s per core including Parquet writing.
/// </summary>
public static class PipelineBenchmark
{
    public static int Run(string[] args)
    {
        var timesteps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var size = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
        var spec = new SurveySpec
        {
            Seed = 2026, Pointings = 4, BandFrequenciesHz = SurveySpec.HbaBands(5), Timesteps = timesteps, ImageSize = size,
            SourcesPerPointing = 90, EdgeSourcesPerPointing = 4, Transients = new(2, 2, 2, 4),
        };
        var folder = Path.GetFullPath(Path.Combine("state", "bench", $"survey-{size}-{timesteps}"));
        var images = spec.Pointings * spec.BandFrequenciesHz.Count * timesteps;
        if (!File.Exists(Path.Combine(folder, "survey.json")))
        {
            Console.WriteLine($"pipeline: generating {images} images of {size}² into {folder} ...");
            var written = SurveyWriter.Write(new Survey(spec), folder);
            Console.WriteLine($"pipeline: generated in {written.Elapsed.TotalSeconds:F0} s ({written.Bytes / 1e9:F1} GB)");
        }
        // The whole 1024² field is searched (TraP default extraction_radius_pix = 250 would search 19 % of it).
        File.WriteAllText(Path.Combine(folder, "job.cfg"),
            "[job]\nimages = images/**/*.fits\noutput = output\n[source_extraction]\nextraction_radius_pix = 0\n");

        var files = ImageGlob.Expand("images/**/*.fits", folder);
        var readClock = Stopwatch.StartNew();
        long pixels = 0;
        foreach (var file in files)
        {
            try { pixels += FitsFile.ReadImage(file).Pixels.Length; }
            catch (FitsFormatException) { /* the survey's truncated bad image */ }
        }
        var readRate = files.Count / readClock.Elapsed.TotalSeconds;
        Console.WriteLine($"baseline: FITS read of {files.Count} images, one core: {readRate:F0} images/s ({pixels / 1e9:F2} Gpixel)");

        Console.WriteLine($"{"engine",-16} {"seconds",8} {"images/s",9} {"per core",9} {"vs read",8} {"peak MB",8}");
        foreach (var cores in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            RunSummary summary;
            using (var engine = new LocalEngineScope(cores))
            {
                summary = new JobRunner(engine.Engine, ProgressReporter.Silent()).RunAsync(folder).GetAwaiter().GetResult();
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var rate = summary.Images / seconds;
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            Console.WriteLine($"{"local[" + cores + "]",-16} {seconds,8:F1} {rate,9:F1} {rate / cores,9:F1} {rate / cores / readRate,8:F3} {peakMb,8:F0}");
            Console.WriteLine($"  {summary.Images} images ({summary.Rejected} rejected), {summary.Sources} measurements, " +
                              $"{summary.CatalogueSources} catalogue sources, {summary.NewSources} new sources");
        }
        return 0;
    }

    /// <summary>Disposes the engine synchronously at the end of a measured run.</summary>
    private sealed class LocalEngineScope : IDisposable
    {
        public LocalEngineScope(int cores) => Engine = new LocalEngine(cores);

        public LocalEngine Engine { get; }

        public void Dispose() => Engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
