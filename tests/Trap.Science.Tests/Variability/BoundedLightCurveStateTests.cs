using Trap.Science.Association;
using static Trap.Science.Tests.Association.AssociationFixture;

namespace Trap.Science.Tests.Variability;

/// <summary>
/// Over a long run the running catalogue's light-curve state per source stays within the variability
/// window (docs/science.md §8.3, docs/streaming.md "What the stream keeps bounded"): counted, not timed.
/// </summary>
public class BoundedLightCurveStateTests
{
    private const int Sources = 3;
    private static readonly int[] Bands = { 1, 2 };

    [Fact]
    public void ALongRunHoldsNoMoreLightCurveThanTheWindow()
    {
        const int window = 8;
        var held = HeldAfter(new AssociationConfig { VariabilityWindow = window }, 50, 400);
        Assert.Equal(held[0], held[1]);
        // W points per source and band, and one timestep's rows per band.
        Assert.True(held[1] <= Sources * Bands.Length * (window + 1), $"{held[1]} points held");
    }

    [Fact]
    public void WithoutABoundTheLightCurveStateGrowsWithTheRun()
    {
        var held = HeldAfter(new AssociationConfig { VariabilityWindow = 0 }, 50, 400);
        Assert.True(held[1] >= Sources * Bands.Length * 400, $"{held[1]} points held");
        Assert.True(held[1] > 7 * held[0]);
    }

    /// <summary>Points held after each of <paramref name="timesteps"/> (ascending) of steady sources seen in every band.</summary>
    private static long[] HeldAfter(AssociationConfig config, params int[] timesteps)
    {
        var catalogue = new RunningCatalogue(config);
        var random = new Random(5);
        var held = new List<long>();
        long imageId = 0, measurementId = 0;
        for (var t = 0; t < timesteps[^1]; t++)
        {
            foreach (var band in Bands)
            {
                var image = Image(imageId++, t, band: band, frequencyHz: 100e6 * band);
                var detections = Enumerable.Range(0, Sources)
                    .Select(s => Blind(measurementId++, image, 10 + 0.05 * s, 30, flux: 1 + s + random.NextDouble() * 0.1))
                    .ToList();
                Assert.Equal(Sources, catalogue.AssociateImage(image, detections).Associations.Count);
            }
            if (timesteps.Contains(t + 1)) held.Add(catalogue.RetainedLightCurvePoints);
        }
        Assert.Equal(Sources, catalogue.Count);
        return held.ToArray();
    }
}
