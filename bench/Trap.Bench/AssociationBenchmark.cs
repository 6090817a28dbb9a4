using System.Diagnostics;
using Trap.Science.Association;

namespace Trap.Bench;

/// <summary>
/// Association speed on a static sky with noise: `association [--images 500] [--sources 2000]
/// [--pointings 50] [--baseline-images 3]`. The sky has `pointings` separate fields of `sources`
/// sources each (4° radius, ~40 sources/deg²); image i looks at field i mod pointings, so the one
/// catalogue grows to pointings × sources entries. Each image's blind extractions (2% missed, so null
/// detections are requested and answered) are associated on one thread: images/s is per core.
/// The baseline is the naive O(N·M) candidate search (every measurement against every catalogue
/// source) run on a few extra images against the final catalogue, next to the spatial grid on the
/// same queries (results checked equal).
/// </summary>
public static class AssociationBenchmark
{
    private const double FieldRadiusDeg = 4.0;
    private const double BeamSemiMajorDeg = 0.01;

    public static int Run(string[] args)
    {
        var images = Option(args, "--images", 500);
        var sources = Option(args, "--sources", 2000);
        var pointings = Option(args, "--pointings", 50);
        var baselineImages = Option(args, "--baseline-images", 3);

        var fields = Enumerable.Range(0, pointings).Select(p => MakeField(p, sources)).ToArray();
        var config = new AssociationConfig();
        var catalogue = new RunningCatalogue(config);
        var rng = new Random(2);
        long nextId = 1;
        var seconds = 0.0;
        for (var i = 0; i < images; i++)
        {
            var (image, blind) = Observe(fields, i, rng, config, ref nextId);
            var clock = Stopwatch.StartNew();
            var result = catalogue.AssociateImage(image, blind);
            var fits = result.ForcedFitRequests.Where(r => r.Kind == ForcedFitKind.NullDetection)
                .Select(r => Measure(nextId++, image, ExtractType.NullDetection, r.RaDeg, r.DecDeg, 1e-3 * Gaussian(rng), config, r.RuncatId)).ToList();
            catalogue.AssociateForcedFits(image, fits, Array.Empty<SourceMeasurement>());
            seconds += clock.Elapsed.TotalSeconds;
        }
        Console.WriteLine($"association: {images} images x {sources} sources over {pointings} fields; catalogue of {catalogue.Count} sources at the end");
        Console.WriteLine($"  running catalogue (spatial grid): {images / seconds:F1} images/s per core ({seconds:F2} s, {images * (double)sources / seconds / 1e6:F2} M measurements/s)");

        var (gridSeconds, scanSeconds) = CompareCandidateSearch(catalogue, fields, baselineImages, rng, config, ref nextId);
        Console.WriteLine($"  candidate search, {baselineImages} images against {catalogue.Count} sources: grid {gridSeconds * 1e3:F1} ms, naive O(N·M) scan {scanSeconds * 1e3:F1} ms, speed-up x{scanSeconds / gridSeconds:F0}");
        return 0;
    }

    private static (double Grid, double Scan) CompareCandidateSearch(RunningCatalogue catalogue, (double Ra, double Dec, double Flux)[][] fields,
        int imageCount, Random rng, AssociationConfig config, ref long nextId)
    {
        var grid = new SkyGrid(config.BeamwidthsLimit * BeamSemiMajorDeg);
        var scan = new LinearScanIndex();
        var slot = 0;
        foreach (var source in catalogue.Sources())
        {
            var v = new SkyVector(source.X, source.Y, source.Z);
            grid.Add(slot, v);
            scan.Add(slot++, v);
        }
        var queries = new List<SkyVector>();
        for (var i = 0; i < imageCount; i++)
            queries.AddRange(Observe(fields, i, rng, config, ref nextId).Blind.Select(m => SkyVector.FromRaDec(m.RaDeg, m.DecDeg)));
        var cone = config.BeamwidthsLimit * BeamSemiMajorDeg;
        var (gridSeconds, gridFound) = TimeQueries(grid, queries, cone);
        var (scanSeconds, scanFound) = TimeQueries(scan, queries, cone);
        if (gridFound != scanFound) throw new InvalidOperationException($"grid found {gridFound} candidates but the linear scan {scanFound}");
        return (gridSeconds, scanSeconds);
    }

    private static (double Seconds, long Found) TimeQueries(ICandidateIndex index, List<SkyVector> queries, double cone)
    {
        var found = new List<int>();
        long total = 0;
        var clock = Stopwatch.StartNew();
        foreach (var q in queries)
        {
            found.Clear();
            index.Query(q, cone, found);
            total += found.Count;
        }
        return (clock.Elapsed.TotalSeconds, total);
    }

    /// <summary>Field p: a 4° disc centred on a 10° grid of RA and declination rows 0, ±30 (no overlaps).</summary>
    private static (double Ra, double Dec, double Flux)[] MakeField(int p, int count)
    {
        var rng = new Random(1000 + p);
        var centre = new TangentFrame(FieldCentre(p).Ra, FieldCentre(p).Dec);
        var sky = new (double, double, double)[count];
        for (var i = 0; i < count; i++)
        {
            // Uniform in the disc; fluxes from a power law above 10 mJy.
            var r = FieldRadiusDeg * Math.Sqrt(rng.NextDouble());
            var phi = 2 * Math.PI * rng.NextDouble();
            var v = centre.Deproject(r * Math.Cos(phi), r * Math.Sin(phi));
            sky[i] = (v.RaDeg, v.DecDeg, 0.01 * Math.Pow(1 - rng.NextDouble(), -1.0 / 1.5));
        }
        return sky;
    }

    private static (double Ra, double Dec) FieldCentre(int p) => (10.0 * (p % 36) + 5.0, 30.0 * (p / 36 % 3) - 30.0);

    private static (ImageRecord Image, List<SourceMeasurement> Blind) Observe((double Ra, double Dec, double Flux)[][] fields, int i, Random rng, AssociationConfig config, ref long nextId)
    {
        var p = i % fields.Length;
        var field = fields[p];
        var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var image = new ImageRecord(i + 1, 1, p + 1, t0.AddMinutes(i), 150e6, FieldCentre(p).Ra, FieldCentre(p).Dec,
            FieldRadiusDeg + 0.1, BeamSemiMajorDeg, 1e-3, 1.5e-3, 8.0, false);
        var blind = new List<SourceMeasurement>(field.Length);
        foreach (var (ra, dec, flux) in field)
        {
            if (rng.NextDouble() < 0.02) continue;
            var east = 1.0 / 3600 * Gaussian(rng);
            blind.Add(Measure(nextId++, image, ExtractType.Blind, ra + east / Math.Cos(dec * Math.PI / 180), dec + 1.0 / 3600 * Gaussian(rng), flux + 1e-3 * Gaussian(rng), config, null));
        }
        return (image, blind);
    }

    internal static SourceMeasurement Measure(long id, ImageRecord image, ExtractType type, double ra, double dec, double flux, AssociationConfig config, long? runcat) =>
        new(id, image.Id, type, ra, dec, PositionErrors.Derive(dec, 0.5 / 3600, 0.5 / 3600, 1.0, config), flux, 1e-3, flux, 1.2e-3, flux / 1e-3, runcat);

    internal static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value <= 0)
            throw new ArgumentException($"option {name} needs a positive integer");
        return value;
    }
}
