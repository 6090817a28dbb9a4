using System.CommandLine;
using System.Net;
using Trap.Pipeline.Streaming;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Cli.Commands;

/// <summary>`trap simulate`: writes a synthetic LOFAR survey (FITS images + Parquet truth) to a folder.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var folder = new Option<string>("--out") { Description = "the folder to write the survey to", HelpName = "DIR", Required = true };
        var seed = new Option<long?>("--seed") { Description = "random seed (default 1); the same seed gives the same bytes", HelpName = "N" };
        var pointings = Int("--pointings", "pointings (default 2: one across RA 0/360, one at the north pole)");
        var bands = Int("--bands", "HBA bands spread over 120-180 MHz (default 3)");
        var timesteps = Int("--timesteps", "timesteps (default 10)");
        var cadence = Real("--cadence", "seconds between timesteps (default 60)", "S");
        var integration = Real("--integration", "seconds per image (default 60, at most the cadence)", "S");
        var size = Int("--size", "image side in pixels (default 256)");
        var sources = Int("--sources", "steady sources per pointing (default 50)");
        var edgeSources = Int("--edge-sources", "bright sources on the image edges per pointing (default 4)");
        var flares = Int("--flares", "flares per pointing (default 1)");
        var fading = Int("--fading", "fading sources per pointing (default 1)");
        var newSources = Int("--new-sources", "new sources per pointing (default 1)");
        var variables = Int("--variables", "variable sources per pointing (default 2)");
        var noise = Real("--noise-rms", "noise RMS in Jy/beam (default 0.015)", "JY");
        var correlated = Real("--correlated", "fraction of the noise variance correlated at the beam scale (default 0.5)", "F");
        var jitter = Real("--astrometric-jitter", "σ per axis of each image's position shift common to all its sources, an ionospheric " +
                                                  "offset the truth does not have (default 0: none)", "ARCSEC");
        var badFraction = Real("--bad-fraction", "fraction of images of each bad kind (default 0.01, at least one each)", "F");
        var noBadImages = new Option<bool>("--no-bad-images") { Description = "every image good" };
        var stream = new Option<string?>("--stream")
        {
            Description = "then serve the images as an AARTFAAC imager would, in time order, to the first client (e.g. `trap stream JOB " +
                          "--feed IP:PORT`); IP is the address to listen on",
            HelpName = "IP:PORT",
        };
        var rate = new Option<double>("--rate") { Description = "images per second on the stream (default 10)", HelpName = "N", DefaultValueFactory = _ => 10 };
        var threads = new Option<int>("--threads") { Description = "images rendered in parallel (default: all cores)", HelpName = "N", DefaultValueFactory = _ => -1 };
        threads.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.GetValueOrDefault<int>() < 1) result.AddError("--threads needs a positive number.");
        });
        var command = new Command("simulate", "write a synthetic survey (LOFAR FITS images and Parquet ground truth)")
        {
            folder, seed, pointings, bands, timesteps, cadence, integration, size, sources, edgeSources, flares, fading, newSources, variables,
            noise, correlated, jitter, badFraction, noBadImages, threads, stream, rate,
        };
        command.SetAction(parse =>
        {
            Survey survey;
            try
            {
                survey = new Survey(Spec(parse));
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException(e.Message);
            }
            IPEndPoint? endpoint = null;
            if (parse.GetValue(stream) is { } text && !IPEndPoint.TryParse(text, out endpoint)) throw new CliUsageException($"--stream needs IP:PORT, got '{text}'");
            if (parse.GetValue(rate) is not (> 0 and <= 10_000)) throw new CliUsageException("--rate needs 0 < N <= 10000 images/s");
            var summary = SurveyWriter.Write(survey, parse.GetValue(folder)!, parse.GetValue(threads));
            Print(survey, summary);
            if (endpoint is not null) Serve(summary.Folder, endpoint, parse.GetValue(rate));
            return ExitCodes.Ok;
        });
        return command;

        SurveySpec Spec(ParseResult parse)
        {
            var spec = new SurveySpec();
            T Or<T>(Option<T?> option, T fallback) where T : struct => parse.GetValue(option) ?? fallback;
            spec = spec with
            {
                Seed = Or(seed, spec.Seed), Pointings = Or(pointings, spec.Pointings), Timesteps = Or(timesteps, spec.Timesteps),
                CadenceSeconds = Or(cadence, spec.CadenceSeconds), IntegrationSeconds = Or(integration, spec.IntegrationSeconds),
                ImageSize = Or(size, spec.ImageSize), SourcesPerPointing = Or(sources, spec.SourcesPerPointing),
                EdgeSourcesPerPointing = Or(edgeSources, spec.EdgeSourcesPerPointing),
                NoiseRmsJy = Or(noise, spec.NoiseRmsJy), CorrelatedNoiseFraction = Or(correlated, spec.CorrelatedNoiseFraction),
                AstrometricJitterArcsec = Or(jitter, spec.AstrometricJitterArcsec),
                Transients = spec.Transients with
                {
                    Flares = Or(flares, spec.Transients.Flares), Fading = Or(fading, spec.Transients.Fading),
                    NewSources = Or(newSources, spec.Transients.NewSources), Variables = Or(variables, spec.Transients.Variables),
                },
            };
            if (parse.GetValue(bands) is { } b) spec = spec with { BandFrequenciesHz = SurveySpec.HbaBands(b) };
            if (parse.GetValue(badFraction) is { } f) spec = spec with { BadImages = new BadImageFractions(f, f, f, f, f, f, f, f) };
            if (parse.GetValue(noBadImages)) spec = spec with { BadImages = BadImageFractions.None };
            return spec;
        }
    }

    private static Option<int?> Int(string name, string description) => new(name) { Description = description, HelpName = "N" };

    private static Option<double?> Real(string name, string description, string unit) => new(name) { Description = description, HelpName = unit };

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
