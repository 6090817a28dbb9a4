namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>The monitoring list: user positions forced-fitted in every accepted image that covers them.</summary>
[Collection(SurveyRunCollection.Name)]
public class MonitorListTests
{
    private readonly SurveyRun _run;

    public MonitorListTests(SurveyRun run) => _run = run;

    [Fact]
    public void ACoveredPositionGetsAForcedFitInEveryAcceptedImageOfItsField()
    {
        var inside = _run.Monitors.Single(m => m.Name == "inside");
        Assert.NotNull(inside.RuncatId);
        var fits = _run.Sources.Where(s => s.ExtractType == 2 && s.FfMonitorId == inside.MonitorId).ToList();
        var acceptedInField = _run.Images.Count(i => i.Accepted && i.Url.Contains("/p00/"));
        Assert.Equal(acceptedInField, fits.Count);
        Assert.All(fits, f => Assert.True(Math.Abs(f.DecDeg - 30.05) < 1e-9 && Math.Abs(f.RaDeg - 359.95) < 1e-9,
            "forced fits are reported at the requested position"));

        var points = _run.Associations.Where(a => a.RuncatId == inside.RuncatId).ToList();
        Assert.Single(points, p => p.Type == 8);
        Assert.Equal(acceptedInField - 1, points.Count(p => p.Type == 9));
        Assert.True(_run.Catalogue.Single(c => c.RuncatId == inside.RuncatId).MonSrc);
    }

    [Fact]
    public void AnUncoveredPositionIsListedWithoutMeasurements()
    {
        var nowhere = _run.Monitors.Single(m => m.Name == "nowhere");
        Assert.Null(nowhere.RuncatId);
        Assert.DoesNotContain(_run.Sources, s => s.FfMonitorId == nowhere.MonitorId);
    }
}
