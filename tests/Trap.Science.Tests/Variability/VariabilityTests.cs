using Trap.Science.Association;
using Trap.Science.Variability;
using static Trap.Science.Tests.Association.AssociationFixture;

namespace Trap.Science.Tests.Variability;

public class VariabilityTests
{
    private static readonly double[] Flux = { 1.0, 1.3, 0.8, 2.4, 1.1, 0.9, 1.7, 1.2 };
    private static readonly double[] Error = { 0.05, 0.1, 0.05, 0.2, 0.08, 0.05, 0.1, 0.06 };

    /// <summary>V and η straight from the definitions, on the whole light curve.</summary>
    private static (double V, double Eta) Direct(double[] f, double[] e)
    {
        var n = f.Length;
        var mean = f.Average();
        var std = Math.Sqrt(f.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var w = e.Select(x => 1 / (x * x)).ToArray();
        var xi = f.Zip(w, (x, wi) => x * wi).Sum() / w.Sum();
        var eta = f.Zip(w, (x, wi) => wi * (x - xi) * (x - xi)).Sum() / (n - 1);
        return (std / mean, eta);
    }

    [Fact]
    public void IncrementalVAndEtaEqualADirectComputationAtEveryStep()
    {
        var cat = new RunningCatalogue(Config);
        for (var i = 0; i < Flux.Length; i++)
        {
            var image = Image(i + 1, i);
            // Peak flux differs from integrated flux so the two indices are checked separately.
            var m = Blind(100 + i, image, 10, 30, flux: Flux[i], fluxErr: Error[i], peak: Flux[i] * 0.9);
            var row = Assert.Single(cat.AssociateImage(image, new[] { m }).Associations);
            if (i == 0)
            {
                Assert.Equal((0.0, 0.0), (row.VInt, row.EtaInt));
                continue;
            }
            var (v, eta) = Direct(Flux[..(i + 1)], Error[..(i + 1)]);
            Assert.Equal(v, row.VInt, 10);
            Assert.Equal(eta, row.EtaInt, 8);
            var (vp, etap) = Direct(Flux[..(i + 1)].Select(x => x * 0.9).ToArray(), Error[..(i + 1)]);
            Assert.Equal(vp, row.VPeak, 10);
            Assert.Equal(etap, row.EtaPeak, 8);
        }
    }

    [Fact]
    public void FlatLightCurvesHitTheFloorAndAZeroMeanIsSubstituted()
    {
        Assert.Equal(0.0, VariabilityIndices.V(5, 2.0, 4.0 + 1e-14));
        Assert.Equal(0.0, VariabilityIndices.V(1, 2.0, 9.0));
        // Mean exactly 0 with variance 1: V = sqrt(2/1 · 1)/1e-6.
        Assert.Equal(Math.Sqrt(2.0) / 1e-6, VariabilityIndices.V(2, 0.0, 1.0), 3);
        Assert.Equal(0.0, VariabilityIndices.Eta(1, 1.0, 1.0, 1.0));
    }

    [Fact]
    public void EtaSignificanceIsTheChiSquareCdf()
    {
        // With N − 1 = 2 degrees of freedom the χ² CDF is 1 − exp(−x/2); x = η·(N−1).
        Assert.Equal(1 - Math.Exp(-3.0 * 2 / 2), VariabilityIndices.EtaSignificance(3, 3.0), 12);
        Assert.Equal(0.0, VariabilityIndices.EtaSignificance(1, 5.0));
    }

    [Fact]
    public void TwoEpochMetricsByHand()
    {
        Assert.Equal(-1.0 / Math.Sqrt(0.02), TwoEpochMetrics.Vs(1.0, 0.1, 2.0, 0.1), 12);
        Assert.Equal(-2.0 / 3.0, TwoEpochMetrics.M(1.0, 2.0), 12);
        // Pairs: (1,2) Vs −7.07 m −0.667; (1,1.5) Vs −3.54; (2,1.5) Vs 3.54; (1,1) 0 → only (1,2) qualify.
        var (vs, m) = TwoEpochMetrics.MostSignificantPair(new[] { 1.0, 1.0, 2.0, 1.5 }, new[] { 0.1, 0.1, 0.1, 0.1 }, 4.3);
        Assert.Equal(1.0 / Math.Sqrt(0.02), vs, 12);
        Assert.Equal(2.0 / 3.0, m, 12);
        Assert.Equal((0.0, 0.0), TwoEpochMetrics.MostSignificantPair(new[] { 1.0, 1.1 }, new[] { 0.1, 0.1 }, 4.3));
        // The largest |m| wins, not the largest |Vs|: (1 ± 0.01, 1.2 ± 0.01) has |Vs| 14.1 and |m| 0.18;
        // (1 ± 0.01, 3 ± 0.2) has |Vs| 2/sqrt(0.0401) = 9.99 and |m| 1.0.
        var (vs2, m2) = TwoEpochMetrics.MostSignificantPair(new[] { 1.0, 1.2, 3.0 }, new[] { 0.01, 0.01, 0.2 }, 4.3);
        Assert.Equal(1.0, m2, 12);
        Assert.Equal(2.0 / Math.Sqrt(0.0401), vs2, 12);
    }

    [Fact]
    public void TheVariabilityWindowPairsAPointOnlyWithTheWPointsBeforeIt()
    {
        // 1.0, 1.2, 1.4, 3.0 (± 0.01): over every pair (1.0, 3.0) has the largest |m|, 1.0; a window of 1
        // pairs neighbours only, of which (1.4, 3.0) has the largest: |m| = 3.2/4.4, |Vs| = 1.6/sqrt(0.0002).
        double[] flux = { 1.0, 1.2, 1.4, 3.0 }, error = { 0.01, 0.01, 0.01, 0.01 };
        Assert.Equal(1.0, TwoEpochMetrics.MostSignificantPair(flux, error, 4.3).AbsM, 12);
        Assert.Equal(1.0, TwoEpochMetrics.MostSignificantPair(flux, error, 4.3, window: 3).AbsM, 12);
        var (vs, m) = TwoEpochMetrics.MostSignificantPair(flux, error, 4.3, window: 1);
        Assert.Equal(3.2 / 4.4, m, 12);
        Assert.Equal(1.6 / Math.Sqrt(0.0002), vs, 12);
    }

    [Fact]
    public void SummaryPicksTheBandWhoseLatestFluxIsHighest()
    {
        var cat = new RunningCatalogue(Config);
        double[] low = { 1.0, 1.0, 2.0, 1.0 }, high = { 0.5, 0.6, 0.7, 1.5 };
        for (var t = 0; t < 4; t++)
        {
            var a = Image(10 * t + 1, t, band: 1, frequencyHz: 120e6);
            var b = Image(10 * t + 2, t, band: 2, frequencyHz: 160e6);
            cat.AssociateImage(a, new[] { Blind(100 + 2 * t, a, 10, 30, flux: low[t], fluxErr: 0.1) });
            cat.AssociateImage(b, new[] { Blind(101 + 2 * t, b, 10, 30, flux: high[t], fluxErr: 0.1) });
        }
        var s = Assert.Single(cat.Summaries());
        Assert.Equal(2, s.BandId); // latest: band 1 has 1.0, band 2 has 1.5
        Assert.Equal((1.5, (0.5 + 0.6 + 0.7 + 1.5) / 4, (0.6 + 0.7) / 2), (s.LightcurveMax, s.LightcurveAvg, s.LightcurveMedian));
        var (v, eta) = Direct(high, new[] { 0.1, 0.1, 0.1, 0.1 });
        Assert.Equal(v, s.VInt, 10);
        Assert.Equal(eta, s.EtaInt, 8);
        Assert.Equal(4, s.FDatapoints);
        // Pair (0.5, 1.5): Vs = 7.07, m = 1.0 is the largest significant |m|.
        Assert.Equal(1.0, s.MIntSignificantMax, 9);
        Assert.Equal(1.0 / Math.Sqrt(0.02), s.VsIntSignificantMax, 9);
        Assert.Equal(VariabilityIndices.EtaSignificance(4, eta), s.EtaIntSignificance, 9);
        Assert.Null(s.NewSourceTriggerExtractionId);
    }
}
