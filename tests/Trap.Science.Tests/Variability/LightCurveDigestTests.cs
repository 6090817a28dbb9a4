using Trap.Science.Association;
using Trap.Science.Variability;

namespace Trap.Science.Tests.Variability;

/// <summary>
/// The bounded light-curve state gives the summary a scan of the whole light curve gives under the same
/// variability window (docs/science.md §8.3; docs/streaming.md, "The light curves the catalogue
/// keeps"), bit for bit, at every step, and holds at most the window's points per band.
/// </summary>
public class LightCurveDigestTests
{
    private const double MinAbsVs = 4.3;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SummaryEqualsAScanOfTheWholeLightCurveAtEveryStep(int seed)
    {
        var random = new Random(seed);
        var digest = new LightCurveDigest(MinAbsVs, window: 0);
        var history = new List<AssociationRecord>();
        var extraction = 1000L;
        for (var t = 0; t < 60; t++)
        {
            // Bands come and go (a band not seen for a while keeps an old latest time); fluxes repeat
            // (ties in the band choice and in |m|) and go negative (forced fits).
            foreach (var band in new[] { 0, 1, 2, 3 }.Where(_ => random.NextDouble() < 0.6))
            {
                var flux = random.Next(8) == 0 ? 1.0 : Math.Round(random.NextDouble() * 3 - 0.5, 1);
                var row = Row(extraction++, band, t, flux, error: random.Next(3) == 0 ? 0.05 : 0.02 + random.NextDouble() * 0.3);
                digest.Add(row);
                history.Add(row);
                Assert.Equal(WholeCurveSummary(history, window: 0), digest.Summarize(7, null));
            }
        }
        Assert.True(history.Count > 100);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 8)]
    [InlineData(4, 13)]
    public void AWindowedDigestEqualsAWindowedScanAtEveryStepAndHoldsAtMostTheWindow(int seed, int window)
    {
        var random = new Random(seed);
        var digest = new LightCurveDigest(MinAbsVs, window);
        var history = new List<AssociationRecord>();
        var extraction = 1000L;
        var bands = new[] { 0, 1, 2 };
        for (var t = 0; t < 200; t++)
        {
            // Negative fluxes (forced fits), repeated values (ties in |m| and in the median), a NaN now and then.
            foreach (var band in bands.Where(_ => random.NextDouble() < 0.7))
            {
                var flux = random.Next(40) == 0 ? double.NaN : random.Next(6) == 0 ? 1.0 : Math.Round(random.NextDouble() * 3 - 0.5, 1);
                Add(digest, history, Row(extraction++, band, t, flux, error: random.Next(3) == 0 ? 0.05 : 0.02 + random.NextDouble() * 0.3));
                Assert.Equal(WholeCurveSummary(history, window), digest.Summarize(7, null));
                // At most W points per band, and the rows at each band's latest time (one timestep's per band).
                Assert.True(digest.RetainedPoints <= (window + bands.Length) * bands.Length, $"{digest.RetainedPoints} held with window {window}");
            }
        }
        Assert.All(bands, b => Assert.True(history.Count(r => r.BandId == b) > 10 * window));
    }

    [Fact]
    public void ACurveNoLongerThanTheWindowGivesTheUnboundedSummaryAndALongerOneNeedNot()
    {
        var random = new Random(11);
        const int window = 16;
        var bounded = new LightCurveDigest(MinAbsVs, window);
        var unbounded = new LightCurveDigest(MinAbsVs, window: 0);
        var differed = false;
        for (var t = 0; t < 4 * window; t++)
        {
            // A source that brightens steadily: its strongest pair spans the whole curve.
            var row = Row(t, 0, t, 1.0 + t * 0.05 + random.NextDouble() * 0.01, 0.01);
            bounded.Add(row);
            unbounded.Add(row);
            if (t < window) Assert.Equal(unbounded.Summarize(7, null), bounded.Summarize(7, null));
            else differed |= !unbounded.Summarize(7, null).Equals(bounded.Summarize(7, null));
        }
        Assert.True(differed);
        Assert.Equal(unbounded.Summarize(7, null).LightcurveMax, bounded.Summarize(7, null).LightcurveMax);
        Assert.Equal(unbounded.Summarize(7, null).LightcurveAvg, bounded.Summarize(7, null).LightcurveAvg);
    }

    [Fact]
    public void AForkedCopyOfAWindowedDigestGoesOnSeparately()
    {
        var parent = new LightCurveDigest(MinAbsVs, window: 3);
        var history = new List<AssociationRecord>();
        for (var t = 0; t < 9; t++) Add(parent, history, Row(t, 0, t, 1.0 + (t % 4), 0.05));
        var child = parent.Clone();
        var childHistory = new List<AssociationRecord>(history);
        for (var t = 9; t < 14; t++)
        {
            Add(child, childHistory, Row(100 + t, 0, t, 0.1 * t, 0.05));
            Add(parent, history, Row(200 + t, 0, t, 9.0 - t * 0.3, 0.05));
        }
        Assert.Equal(WholeCurveSummary(childHistory, window: 3), child.Summarize(7, null));
        Assert.Equal(WholeCurveSummary(history, window: 3), parent.Summarize(7, null));
    }

    [Fact]
    public void ANegativeWindowIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LightCurveDigest(MinAbsVs, window: -1));

    [Fact]
    public void AForkedCopyGoesOnSeparately()
    {
        var parent = new LightCurveDigest(MinAbsVs, window: 0);
        var history = new List<AssociationRecord>();
        for (var t = 0; t < 5; t++) Add(parent, history, Row(t, 0, t, 1.0 + t, 0.05));
        var child = parent.Clone();
        var childHistory = new List<AssociationRecord>(history);
        Add(child, childHistory, Row(100, 0, 5, 0.1, 0.05));
        Add(parent, history, Row(101, 0, 5, 9.0, 0.05));
        Assert.Equal(WholeCurveSummary(childHistory, window: 0), child.Summarize(7, null));
        Assert.Equal(WholeCurveSummary(history, window: 0), parent.Summarize(7, null));
        Assert.NotEqual(child.Summarize(7, null), parent.Summarize(7, null));
    }

    [Fact]
    public void ARowEarlierThanTheLastIsRefused()
    {
        var digest = new LightCurveDigest(MinAbsVs, window: 0);
        digest.Add(Row(1, 0, 5, 1.0, 0.1));
        var error = Assert.Throws<InvalidOperationException>(() => digest.Add(Row(2, 0, 4, 1.0, 0.1)));
        Assert.Contains("time order", error.Message);
    }

    private static void Add(LightCurveDigest digest, List<AssociationRecord> history, AssociationRecord row)
    {
        digest.Add(row);
        history.Add(row);
    }

    private static AssociationRecord Row(long extractionId, int band, int t, double flux, double error) =>
        new(7, extractionId, extractionId, band, new DateTime(2026, 1, 1).AddSeconds(t), AssociationType.OneToOne, 0, 0,
            (int)extractionId % 50, flux * 0.1, flux * 0.2, flux * 0.3, flux * 0.4, flux, error, flux * 0.9, error * 1.1);

    /// <summary>
    /// The summary's definition (docs/science.md §8.3) applied to the whole light curve, independently
    /// of the digest: band choice over the rows at each band's latest time; the chosen band's max and
    /// mean over every point, median over its last W points, and every pair (i &lt; j, i outer) at most
    /// W points apart (window 0: every point and pair).
    /// </summary>
    private static VariabilitySummary WholeCurveSummary(List<AssociationRecord> history, int window)
    {
        var latest = history.GroupBy(r => r.BandId).Select(g => g.Max(r => r.TimeUtc)).ToHashSet();
        AssociationRecord? chosen = null;
        foreach (var row in history.Where(r => latest.Contains(r.TimeUtc)))
        {
            if (chosen is not { } c || row.FInt > c.FInt
                || (row.FInt == c.FInt && (row.BandId < c.BandId || (row.BandId == c.BandId && row.ExtractionId < c.ExtractionId))))
                chosen = row;
        }
        var best = chosen!.Value;
        var band = history.Where(r => r.BandId == best.BandId).ToArray();
        var fInt = band.Select(r => r.FInt).ToArray();
        var (vsInt, mInt) = AllPairs(fInt, band.Select(r => r.FIntErr).ToArray(), window);
        var (vsPeak, mPeak) = AllPairs(band.Select(r => r.FPeak).ToArray(), band.Select(r => r.FPeakErr).ToArray(), window);
        var sorted = fInt.TakeLast(window == 0 ? fInt.Length : window).Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
        return new VariabilitySummary(7, best.BandId, best.FDatapoints, best.VInt, best.EtaInt, best.VPeak, best.EtaPeak,
            VariabilityIndices.EtaSignificance(best.FDatapoints, best.EtaInt), fInt.Max(), fInt.Average(), median,
            vsInt, mInt, vsPeak, mPeak, null, null, null, null);
    }

    private static (double, double) AllPairs(double[] flux, double[] error, int window)
    {
        double bestVs = 0, bestM = 0;
        var found = false;
        for (var i = 0; i < flux.Length; i++)
        for (var j = i + 1; j < flux.Length && (window == 0 || j - i <= window); j++)
        {
            var vs = Math.Abs((flux[i] - flux[j]) / Math.Sqrt(error[i] * error[i] + error[j] * error[j]));
            var m = Math.Abs(2.0 * (flux[i] - flux[j]) / (flux[i] + flux[j]));
            if (vs >= MinAbsVs && double.IsFinite(m) && (!found || m > bestM)) (found, bestVs, bestM) = (true, vs, m);
        }
        return (bestVs, bestM);
    }
}
