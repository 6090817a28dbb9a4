using System.Text;
using Trap.Science.Association;
using static Trap.Science.Tests.Association.AssociationFixture;

namespace Trap.Science.Tests.Association;

public class DeterminismTests
{
    /// <summary>
    /// Runs a crowded two-band field (blends, forks, misses, forced fits and a monitor) through a
    /// catalogue and returns every output record as text. The measurements of each image are given
    /// in an order drawn from <paramref name="shuffleSeed"/>, which must not matter.
    /// </summary>
    private static string Run(ICandidateIndex? index, int shuffleSeed)
    {
        var sky = new Random(42);
        var order = new Random(shuffleSeed);
        var sources = Enumerable.Range(0, 300).Select(_ => (Ra: 359.9 + 0.2 * sky.NextDouble(), Dec: -0.1 + 0.2 * sky.NextDouble())).ToArray();
        var cat = new RunningCatalogue(Config, new[] { new MonitorPosition(1, 0.0, 0.0) }, index);
        var text = new StringBuilder();
        long nextId = 1;
        for (var t = 0; t < 8; t++)
        {
            var images = new[] { Image(10 * t + 1, t, ra: 0.0, dec: 0.0, band: 1, frequencyHz: 120e6), Image(10 * t + 2, t, ra: 0.0, dec: 0.0, band: 2, frequencyHz: 160e6) };
            var results = new List<(ImageRecord Image, ImageAssociationResult Result)>();
            foreach (var image in images)
            {
                var measurements = new List<SourceMeasurement>();
                foreach (var (ra, dec) in sources)
                {
                    if (sky.NextDouble() < 0.15) continue; // missed: a null detection next
                    var jitter = 3 * Arcsec;
                    measurements.Add(Blind(nextId++, image, ra + (sky.NextDouble() - 0.5) * jitter, dec + (sky.NextDouble() - 0.5) * jitter,
                        flux: 0.1 + sky.NextDouble(), fluxErr: 0.01 + 0.02 * sky.NextDouble(), errorRadiusArcsec: 1 + 3 * sky.NextDouble()));
                }
                var shuffled = measurements.OrderBy(_ => order.Next()).ToList();
                var r = cat.AssociateImage(image, shuffled);
                results.Add((image, r));
                Append(text, r);
            }
            foreach (var (image, r) in results)
            {
                var nulls = NullFits(r, image, ref nextId, flux: 0.01 * sky.NextDouble());
                var monitor = r.ForcedFitRequests.Where(q => q.Kind == ForcedFitKind.Monitor)
                    .Select(q => Measurement(nextId++, image, ExtractType.Monitor, q.RaDeg, q.DecDeg, 0.02, 0.01, monitor: q.MonitorId)).ToList();
                Append(text, cat.AssociateForcedFits(image, nulls.OrderBy(_ => order.Next()).ToList(), monitor));
            }
        }
        foreach (var row in cat.Sources()) text.AppendLine(row.ToString());
        foreach (var row in cat.BandFluxes()) text.AppendLine(row.ToString());
        foreach (var row in cat.Summaries()) text.AppendLine(row.ToString());
        return text.ToString();
    }

    private static void Append(StringBuilder text, ImageAssociationResult r)
    {
        text.AppendLine($"image {r.ImageId}");
        foreach (var a in r.Associations) text.AppendLine(a.ToString());
        foreach (var e in r.NewEntries) text.AppendLine(e.ToString());
        foreach (var id in r.RetiredRuncatIds) text.AppendLine($"retired {id}");
        foreach (var n in r.NewSources) text.AppendLine(n.ToString());
        foreach (var f in r.ForcedFitRequests) text.AppendLine(f.ToString());
        foreach (var d in r.DroppedExtractionIds) text.AppendLine($"dropped {d}");
    }

    [Fact]
    public void SameInputGivesIdenticalRecordsWhateverTheInputOrderOrIndex()
    {
        var first = Run(null, shuffleSeed: 1);
        Assert.Equal(first, Run(null, shuffleSeed: 2));
        Assert.Equal(first, Run(new LinearScanIndex(), shuffleSeed: 3));
        // The field is crowded enough to exercise every kind of link.
        foreach (var kind in new[] { "Type = OneToManyBase", "Type = CopiedHistory", "Type = OneToOne", "Type = NewSource", "Type = NullDetection", "Type = FirstMonitor", "Type = Monitor" })
            Assert.Contains(kind, first);
    }
}
