using System.Text.RegularExpressions;
using Trap.Web.Pages;
using Trap.Web.Plots;

namespace Trap.Web.Tests;

public sealed class PlotTests
{
    [Fact]
    public void LinearTicksAreNiceStepsInsideTheRange()
    {
        // Span 0.13 / 6 ticks = 0.0217, rounded up to the next 1-2-5 step.
        var scale = new LinearScale(-0.013, 0.117, 0, 100);
        Assert.Equal(0.05, scale.Step, 12);
        Assert.Equal(new[] { 0.0, 0.05, 0.1 }, scale.Ticks().Select(v => Math.Round(v, 12)));
        Assert.Equal("0.05", scale.Label(0.05));
        Assert.Equal(new[] { 0.0, 20, 40, 60, 80, 100 }, new LinearScale(0, 100, 0, 1).Ticks());
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.3, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(0.00042, 0.0005)]
    public void NiceStepRoundsUpTo125(double rough, double nice) => Assert.Equal(nice, LinearScale.NiceStep(rough), 12);

    [Fact]
    public void LogScaleMapsDecadesEvenlyAndTicksAtPowersOfTen()
    {
        var scale = LogScale.Covering([0.03, 0.5, 42], 0, 300);
        Assert.Equal(0.01, scale.Min, 12);
        Assert.Equal(100, scale.Max, 12);
        Assert.Equal(75, scale.ToPixel(0.1), 9);
        Assert.Equal(150, scale.ToPixel(1), 9);
        Assert.Equal(new[] { 0.01, 0.1, 1, 10, 100 }, scale.Ticks().Select(t => Math.Round(t, 12)));
        Assert.Equal("1e-5", new LogScale(1e-5, 1, 0, 1).Label(1e-5));
        Assert.False(scale.IsDrawable(0));
        Assert.False(scale.IsDrawable(-1));
    }

    [Fact]
    public void ALargerValueIsDrawnHigherOnTheYAxis()
    {
        var plot = new SvgPlot(400, 300, "t", "x", "y");
        plot.Y = new LinearScale(0, 10, plot.YPixels.Start, plot.YPixels.End);
        Assert.True(plot.Y.ToPixel(9) < plot.Y.ToPixel(1));
    }

    [Fact]
    public void PointsErrorBarsAndLinksAreRenderedAndCounted()
    {
        var plot = new SvgPlot(400, 300, "Flux <b>&</b>", "time", "flux");
        plot.X = new LinearScale(0, 10, plot.XPixels.Start, plot.XPixels.End);
        plot.Y = new LogScale(0.1, 100, plot.YPixels.Start, plot.YPixels.End);
        Assert.True(plot.AddPoint(1, 5, Marker.Circle, "detection", "a", "/sources/1", 4, 6));
        Assert.True(plot.AddPoint(2, 7, Marker.Square, "forced", "b"));
        Assert.False(plot.AddPoint(3, -1, Marker.Square, "forced", "negative on a log axis"));
        Assert.False(plot.AddPoint(double.NaN, 1, Marker.Circle, "detection", "nan"));
        plot.AddHorizontalGuide(2, "cut", "cut");
        var svg = plot.ToSvg();

        Assert.Equal(2, plot.PointCount);
        Assert.Equal(2, Regex.Matches(svg, "class=\"pt ").Count);
        Assert.Equal(3, Regex.Matches(svg, "class=\"errorbar\"").Count);
        Assert.Contains("<a href=\"/sources/1\">", svg);
        Assert.Contains("Flux &lt;b&gt;&amp;&lt;/b&gt;", svg);
        Assert.DoesNotContain("<b>", svg);
        Assert.Single(Regex.Matches(svg, "class=\"guide cut\""));
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
    }

    [Fact]
    public void GuidesOutsideTheRangeAreNotDrawn()
    {
        var plot = new SvgPlot(400, 300, "t", "x", "y");
        plot.X = new LogScale(1, 10, plot.XPixels.Start, plot.XPixels.End);
        plot.Y = new LinearScale(0, 1, plot.YPixels.Start, plot.YPixels.End);
        plot.AddVerticalGuide(50, "too far", "cut");
        plot.AddHorizontalGuide(-3, "below", "cut");
        Assert.DoesNotContain("class=\"guide", plot.ToSvg());
    }

    [Fact]
    public void ASourcesLightCurvePanelsShareOneTimeAxis()
    {
        var t0 = new DateTime(2024, 9, 22, 0, 0, 0, DateTimeKind.Utc);
        LightCurvePoint At(double minutes) => new(t0.AddMinutes(minutes), 0, 0.1, 0.01, 1);
        var wide = new[] { At(0), At(10) };
        var narrow = new[] { At(5), At(6) };
        var time = TimeAxis.Covering(wide.Concat(narrow).Select(p => p.TimeUtc).ToList());

        var first = LightCurveChart.Render("band 1", new LightCurveSeries("band 1", wide, []), time, "/i/");
        var second = LightCurveChart.Render("band 2", new LightCurveSeries("band 2", narrow, []), time, "/i/");

        // The same origin and unit, and the narrow band's panel spans the whole source's time range.
        Assert.Contains(">time since 2024-09-22 00:00:00 UTC (min)</text>", first);
        Assert.Contains(">time since 2024-09-22 00:00:00 UTC (min)</text>", second);
        Assert.Contains(">10</text>", second);
        Assert.Contains(">0</text>", second);
    }

    private static readonly DateTime T0 = new(2024, 9, 22, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Two limits before the first detection, a detection at the very start of the axis, a forced fit below its noise.</summary>
    private static LightCurveSeries Flare() => new("band 1",
        [new(T0.AddMinutes(10), 0, 0.5, 0.01, 3), new(T0.AddMinutes(20), 1, -0.004, 0.01, 4)],
        [new(T0, 0.03, 1), new(T0.AddMinutes(5), 0.03, 2)]);

    [Fact]
    public void LimitsBeforeTheFirstDetectionAreDrawnAndTheLegendSitsAboveTheFrame()
    {
        var series = Flare();
        var time = TimeAxis.Covering([T0, T0.AddMinutes(20)]);
        var svg = System.Xml.Linq.XDocument.Parse(LightCurveChart.Render("band 1", series, time, "/i/")).Root!;
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        var points = svg.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class") ?? "").StartsWith("pt ")).ToList();
        Assert.Equal(4, points.Count);
        Assert.Equal(2, points.Count(g => ((string)g.Attribute("class")!).Contains("before")));
        var frameTop = double.Parse((string)svg.Descendants(ns + "rect").First(r => (string?)r.Attribute("class") == "frame").Attribute("y")!,
            System.Globalization.CultureInfo.InvariantCulture);
        var legendTexts = svg.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class") ?? "").StartsWith("legend")).SelectMany(g => g.Descendants(ns + "text")).ToList();
        Assert.Equal(3, legendTexts.Count);   // detection, forced fit below its noise, before first detection
        // Every legend entry (text baseline, and its marker above it) lies above the frame: nothing drawn in the frame can be covered.
        Assert.All(legendTexts, t => Assert.True(double.Parse((string)t.Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture) < frameTop));
    }

    [Fact]
    public void ALogFluxAxisLeavesOutFluxesAtOrBelowZeroAndSaysSo()
    {
        var time = TimeAxis.Covering([T0, T0.AddMinutes(20)]);
        var html = LightCurveChart.Render("band 1", new LightCurveSeries("band 1", [new(T0, 0, 0.5, 0.01, 3), new(T0.AddMinutes(20), 0, -0.2, 0.01, 4)], []),
            time, "/i/", logFlux: true);
        Assert.Single(Regex.Matches(html, "class=\"pt "));
        Assert.Contains("1 point(s) with flux ≤ 0 cannot be drawn on the log axis", html);
        Assert.Contains("integrated flux (Jy), log", html);
    }

    [Fact]
    public void TheCombinedPlotDrawsEveryBandInItsOwnColour()
    {
        var time = TimeAxis.Covering([T0, T0.AddMinutes(20)]);
        var other = new LightCurveSeries("band 2", [new(T0.AddMinutes(15), 0, 0.3, 0.01, 5)], []);
        var svg = LightCurveChart.RenderCombined("All bands", [Flare(), other], time, "/i/");
        Assert.Equal(4, Regex.Matches(svg, "class=\"pt [^\"]*band0\"").Count);
        Assert.Single(Regex.Matches(svg, "class=\"pt [^\"]*band1\""));
        Assert.Contains(">band 2</text>", svg);
    }

    [Fact]
    public void ALegendAboveTheFrameWrapsIntoAsManyRowsAsItNeeds()
    {
        Assert.Equal(1, SvgPlot.LegendRowsFor(760, ["detection", "forced fit"]));
        var labels = Enumerable.Repeat("before first detection (3 × image rms)", 3).ToList();
        Assert.Equal(2, SvgPlot.LegendRowsFor(760, labels));
        var plot = new SvgPlot(760, 340, "t", "x", "y", SvgPlot.LegendRowsFor(760, labels));
        Assert.Equal(30 + 2 * 18 + 8, plot.YPixels.End);
    }
}
