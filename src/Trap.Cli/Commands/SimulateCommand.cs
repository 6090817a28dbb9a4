using System.Globalization;
using System.Net;
using Trap.Pipeline.Streaming;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Cli.Commands;

/// <summary>`trap simulate`: writes a synthetic LOFAR survey (FITS images + Parquet truth) to a folder.</summary>
public sealed class SimulateCommand : ICliCommand
{
    public string Name => "simulate";

    public string Summary => "write a synthetic survey (LOFAR FITS images and Parquet ground truth)";

    private const string Usage = """
        usage: trap simulate --out DIR [options]
          --seed N              random seed (default 1); the same seed gives the same bytes
          --pointings P         pointings (default 2: one across RA 0/360, one at the north pole)
          --bands B             HBA bands spread over 120-180 MHz (default 3)
          --timesteps T         timesteps (default 10)
          --cadence S           seconds between timesteps (default 60)
          --integration S       seconds per image (default 60, at most the cadence)
          --size N              image side in pixels (default 256)
          --sources S           steady sources per pointing (default 50)
          --edge-sources N      bright sources on the image edges per pointing (default 4)
          --flares N --fading N --new-sources N --variables N
                                time-variable sources per pointing (default 1, 1, 1, 2)
          --noise-rms JY        noise RMS in Jy/beam (default 0.015)
          --correlated F        fraction of the noise variance correlated at the beam scale (default 0.5)
          --bad-fraction F      fraction of images of each bad kind (default 0.01, at least one each)
          --no-bad-images       every image good
          --threads N           images rendered in parallel (default: all cores)
          --stream HOST:PORT    then serve the images as an AARTFAAC imager would, in time order, to the first
                                client (e.g. `trap stream JOB --feed HOST:PORT`); HOST is the address to listen on
          --rate N              images per second on the stream (default 10)
        """;

    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            var (spec, folder, threads, stream, rate) = Parse(args);
            var survey = new Survey(spec);
            var summary = SurveyWriter.Write(survey, folder, threads);
            Print(survey, summary);
            if (stream is not null) Serve(folder, stream, rate);
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"trap simulate: {e.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"trap simulate: cannot write the survey: {e.Message}");
            return 1;
        }
    }

    private static (SurveySpec Spec, string Folder, int Threads, IPEndPoint? Stream, double Rate) Parse(IReadOnlyList<string> args)
    {
        var spec = new SurveySpec();
        string? folder = null;
        var threads = -1;
        IPEndPoint? stream = null;
        var rate = 10.0;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{option} needs a value.");
            int Int() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                ? v : throw new ArgumentException($"{option} needs an integer, got '{args[i]}'.");
            double Real() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : throw new ArgumentException($"{option} needs a number, got '{args[i]}'.");
            switch (option)
            {
                case "--out": folder = Value(); break;
                case "--seed": spec = spec with { Seed = long.TryParse(Value(), CultureInfo.InvariantCulture, out var seed) ? seed : throw new ArgumentException($"--seed needs an integer, got '{args[i]}'.") }; break;
                case "--pointings": spec = spec with { Pointings = Int() }; break;
                case "--bands": spec = spec with { BandFrequenciesHz = SurveySpec.HbaBands(Int()) }; break;
                case "--timesteps": spec = spec with { Timesteps = Int() }; break;
                case "--cadence": spec = spec with { CadenceSeconds = Real() }; break;
                case "--integration": spec = spec with { IntegrationSeconds = Real() }; break;
                case "--size": spec = spec with { ImageSize = Int() }; break;
                case "--sources": spec = spec with { SourcesPerPointing = Int() }; break;
                case "--edge-sources": spec = spec with { EdgeSourcesPerPointing = Int() }; break;
                case "--flares": spec = spec with { Transients = spec.Transients with { Flares = Int() } }; break;
                case "--fading": spec = spec with { Transients = spec.Transients with { Fading = Int() } }; break;
                case "--new-sources": spec = spec with { Transients = spec.Transients with { NewSources = Int() } }; break;
                case "--variables": spec = spec with { Transients = spec.Transients with { Variables = Int() } }; break;
                case "--noise-rms": spec = spec with { NoiseRmsJy = Real() }; break;
                case "--correlated": spec = spec with { CorrelatedNoiseFraction = Real() }; break;
                case "--bad-fraction":
                    var f = Real();
                    spec = spec with { BadImages = new BadImageFractions(f, f, f, f, f, f, f, f) };
                    break;
                case "--no-bad-images": spec = spec with { BadImages = BadImageFractions.None }; break;
                case "--threads": threads = Int(); break;
                case "--stream": stream = IPEndPoint.TryParse(Value(), out var endpoint) ? endpoint : throw new ArgumentException($"--stream needs IP:PORT, got '{args[i]}'."); break;
                case "--rate": rate = Real() is var r and > 0 and <= 10_000 ? r : throw new ArgumentException("--rate needs 0 < N <= 10000 images/s."); break;
                default: throw new ArgumentException($"unknown option '{option}'.");
            }
        }
        if (folder is null) throw new ArgumentException("--out DIR is required.");
        if (threads == 0 || threads < -1) throw new ArgumentException("--threads needs a positive number.");
        return (spec, folder, threads, stream, rate);
    }

    /// <summary>Plays the survey's images in time order (timestep, then pointing and band) to the first feed client.</summary>
    private static void Serve(string folder, IPEndPoint endpoint, double rate)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "images"), "*.fits", SearchOption.AllDirectories)
            .OrderBy(f => System.Text.RegularExpressions.Regex.Match(Path.GetFileName(f), @"_t(\d+)_").Groups[1].Value, StringComparer.Ordinal)
            .ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        new AartfaacSender(endpoint, files, rate)
            .RunAsync(port => Console.WriteLine($"trap simulate: serving {files.Count} images on {endpoint.Address}:{port} at {rate:G} images/s; waiting for a client"),
                skipped => Console.WriteLine($"trap simulate: not sent (the feed carries float32 FITS images only): {skipped}"))
            .GetAwaiter().GetResult();
        Console.WriteLine($"trap simulate: sent {files.Count} images");
    }

    private static void Print(Survey survey, SurveyWriteSummary summary)
    {
        var spec = survey.Spec;
        Console.WriteLine($"Wrote {summary.Images} images to {summary.Folder} in {summary.Elapsed.TotalSeconds:F1} s " +
                          $"({summary.Images / Math.Max(summary.Elapsed.TotalSeconds, 1e-9):F0} images/s, {summary.Bytes / 1e6:F1} MB)");
        Console.WriteLine($"  {spec.Pointings} pointings × {spec.BandFrequenciesHz.Count} bands × {spec.Timesteps} timesteps, " +
                          $"{spec.ImageSize}² pixels of {spec.PixelSizeDeg * 3600:F1}″, noise {spec.NoiseRmsJy * 1e3:F1} mJy/beam, seed {spec.Seed}");
        foreach (var pointing in survey.Pointings)
        {
            Console.WriteLine($"  {pointing.Name}: RA {pointing.Centre.RaDeg:F3}°, Dec {pointing.Centre.DecDeg:+0.000;-0.000}°");
        }
        Console.WriteLine("  images by quality: " + string.Join(", ", summary.ImagesByQuality.Select(q => $"{q.Key} {q.Value}")));
        var kinds = survey.Sources.GroupBy(s => s.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"  {summary.Sources} sources ({string.Join(", ", kinds)}); " +
                          $"{summary.SourceRows} truth rows, {summary.DetectableRows} detectable (≥ {spec.DetectionSigma}σ)");
        Console.WriteLine($"  truth: {Path.Combine(summary.Folder, Trap.Simulation.Truth.TruthFiles.ImagesFile)}, " +
                          $"{Path.Combine(summary.Folder, Trap.Simulation.Truth.TruthFiles.SourcesFile)}");
    }
}
