using Trap.Web.Html;
using Trap.Web.Plots;

namespace Trap.Web.Pages;

/// <summary>One point of a light curve: an association of a catalogue source with a measurement.</summary>
public sealed record LightCurvePoint(DateTime TimeUtc, int ExtractType, double FInt, double FIntErr, long ImageId);

/// <summary>
/// An upper limit where the source was not measured: an image of its band before its first detection
/// that covers its position, with <see cref="LimitJy"/> = <see cref="LightCurveChart.UpperLimitSigmas"/> × the image's rms_qc.
/// </summary>
public sealed record DetectionLimit(DateTime TimeUtc, double LimitJy, long ImageId);

/// <summary>One band's light curve: its label, the measured points and the limits before the first detection.</summary>
public sealed record LightCurveSeries(string Label, IReadOnlyList<LightCurvePoint> Points, IReadOnlyList<DetectionLimit> Limits);

/// <summary>
/// Light curves as SVG: integrated flux against time, detections and forced fits with 1σ error bars
/// and distinct markers; a forced fit whose flux is below its own noise (f &lt; σ) is drawn as an upper
/// limit at <see cref="UpperLimitSigmas"/> σ instead, and so are the images before the first detection
/// (<see cref="DetectionLimit"/>). The legend sits above the frame, where it cannot cover a point.
/// One panel per band (<see cref="Render"/>) or every band on one plot (<see cref="RenderCombined"/>),
/// on a linear or a log flux axis (a log axis cannot show fluxes ≤ 0: they are left out and counted).
/// </summary>
public static class LightCurveChart
{
    public const double UpperLimitSigmas = 3.0;

    /// <summary>Colour classes of the bands on the combined plot (css band0..band5, repeating).</summary>
    public const int BandColours = 6;

    /// <summary>Whether a point is shown as an upper limit.</summary>
    public static bool IsUpperLimit(LightCurvePoint p) => p.ExtractType != 0 && p.FInt < p.FIntErr;

    /// <summary>One band's panel on <paramref name="time"/>, the axis all the source's panels share.</summary>
    public static string Render(string title, LightCurveSeries series, TimeAxis time, string imageLinkPrefix, bool logFlux = false)
    {
        var legend = ExtractKind.All.Where(k => series.Points.Any(p => p.ExtractType == k.Type && !IsUpperLimit(p)))
            .Select(k => (k.Marker, k.CssClass, k.Label)).ToList();
        if (series.Points.Any(IsUpperLimit)) legend.Add((Marker.UpperLimit, "limit", $"forced fit below its noise ({Fmt.G(UpperLimitSigmas)}σ limit)"));
        if (series.Limits.Count > 0) legend.Add((Marker.UpperLimit, "limit before", $"before first detection ({Fmt.G(UpperLimitSigmas)} × image rms)"));
        var plot = NewPlot(title, [series], time, logFlux, legend);
        var hidden = Draw(plot, series, "", time, imageLinkPrefix);
        return plot.ToSvg() + HiddenNote(hidden);
    }

    /// <summary>Every band on one plot, a colour per band (markers still say detection, forced fit or limit).</summary>
    public static string RenderCombined(string title, IReadOnlyList<LightCurveSeries> bands, TimeAxis time, string imageLinkPrefix, bool logFlux = false)
    {
        var legend = bands.Select((b, i) => (Marker.Circle, "detection band" + i % BandColours, b.Label)).ToList();
        var plot = NewPlot(title, bands, time, logFlux, legend);
        var hidden = 0;
        for (var b = 0; b < bands.Count; b++) hidden += Draw(plot, bands[b], "band" + b % BandColours, time, imageLinkPrefix);
        return plot.ToSvg() + HiddenNote(hidden);
    }

    /// <summary>A plot with room above its frame for <paramref name="legend"/>, and axes covering every band's points and limits.</summary>
    private static SvgPlot NewPlot(string title, IReadOnlyList<LightCurveSeries> bands, TimeAxis time, bool logFlux,
                                   IReadOnlyList<(Marker Marker, string CssClass, string Label)> legend)
    {
        const int width = 760;
        var legendRows = SvgPlot.LegendRowsFor(width, legend.Select(l => l.Label));
        var plot = new SvgPlot(width, 300 + 18 * legendRows, title, time.Label, "integrated flux (Jy)" + (logFlux ? ", log" : ""), legendRows);
        foreach (var (marker, css, label) in legend) plot.AddLegend(marker, css, label);
        plot.X = LinearScale.Covering([0, time.Last], plot.XPixels.Start, plot.XPixels.End);
        var extent = bands.SelectMany(s => s.Points.SelectMany(p => IsUpperLimit(p)
                ? new[] { UpperLimitSigmas * p.FIntErr, UpperLimitSigmas * p.FIntErr * 0.5 }
                : new[] { p.FInt - p.FIntErr, p.FInt + p.FIntErr })
            .Concat(s.Limits.SelectMany(l => new[] { l.LimitJy, l.LimitJy * 0.5 }))).ToList();
        plot.Y = logFlux
            ? LogScale.Covering(extent, plot.YPixels.Start, plot.YPixels.End)
            : LinearScale.Covering(extent.Append(0.0), plot.YPixels.Start, plot.YPixels.End, 0.08);
        return plot;
    }

    /// <summary>Draws one band's points and limits; returns how many the flux axis could not show.</summary>
    private static int Draw(SvgPlot plot, LightCurveSeries series, string bandCss, TimeAxis time, string imageLinkPrefix)
    {
        var hidden = 0;
        var prefix = series.Label + ": ";
        foreach (var limit in series.Limits)
        {
            if (!plot.AddPoint(time.Of(limit.TimeUtc), limit.LimitJy, Marker.UpperLimit, $"limit before {bandCss}".TrimEnd(),
                    $"{prefix}{Fmt.Utc(limit.TimeUtc)}: not detected, {Fmt.G(UpperLimitSigmas)} × image rms = {Fmt.G(limit.LimitJy)} Jy", imageLinkPrefix + limit.ImageId))
            {
                hidden++;
            }
        }
        foreach (var p in series.Points)
        {
            var kind = ExtractKind.Of(p.ExtractType);
            var link = imageLinkPrefix + p.ImageId;
            var drawn = IsUpperLimit(p)
                ? plot.AddPoint(time.Of(p.TimeUtc), UpperLimitSigmas * p.FIntErr, Marker.UpperLimit, $"limit {kind.CssClass} {bandCss}".TrimEnd(),
                    $"{prefix}{Fmt.Utc(p.TimeUtc)}: {kind.Label} {Fmt.G(p.FInt)} ± {Fmt.G(p.FIntErr, 2)} Jy, upper limit {Fmt.G(UpperLimitSigmas * p.FIntErr)} Jy", link)
                : plot.AddPoint(time.Of(p.TimeUtc), p.FInt, kind.Marker, $"{kind.CssClass} {bandCss}".TrimEnd(),
                    $"{prefix}{Fmt.Utc(p.TimeUtc)}: {kind.Label} {Fmt.G(p.FInt)} ± {Fmt.G(p.FIntErr, 2)} Jy", link, p.FInt - p.FIntErr, p.FInt + p.FIntErr);
            if (!drawn) hidden++;
        }
        return hidden;
    }

    private static string HiddenNote(int hidden) =>
        hidden == 0 ? "" : "<p class=\"note\">" + HtmlText.Encode($"{hidden} point(s) with flux ≤ 0 cannot be drawn on the log axis; the table lists them.") + "</p>";
}
