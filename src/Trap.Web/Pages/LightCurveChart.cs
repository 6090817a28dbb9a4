using Trap.Web.Html;
using Trap.Web.Plots;

namespace Trap.Web.Pages;

/// <summary>One point of a light curve: an association of a catalogue source with a measurement.</summary>
public sealed record LightCurvePoint(DateTime TimeUtc, int ExtractType, double FInt, double FIntErr, long ImageId);

/// <summary>
/// A light curve of one band as SVG: integrated flux against time, detections and forced fits with
/// 1σ error bars and distinct markers; a forced fit whose flux is below its own noise (f &lt; σ) is
/// drawn as an upper limit at <see cref="UpperLimitSigmas"/> σ instead.
/// </summary>
public static class LightCurveChart
{
    public const double UpperLimitSigmas = 3.0;

    /// <summary>Whether a point is shown as an upper limit.</summary>
    public static bool IsUpperLimit(LightCurvePoint p) => p.ExtractType != 0 && p.FInt < p.FIntErr;

    /// <summary>One band's panel on <paramref name="time"/>, the axis all the source's panels share.</summary>
    public static string Render(string title, IReadOnlyList<LightCurvePoint> points, TimeAxis time, string imageLinkPrefix)
    {
        double X(LightCurvePoint p) => time.Of(p.TimeUtc);
        var plot = new SvgPlot(760, 300, title, time.Label, "integrated flux (Jy)");
        plot.X = LinearScale.Covering([0, time.Last], plot.XPixels.Start, plot.XPixels.End);
        var extent = points.SelectMany(p => IsUpperLimit(p)
            ? new[] { UpperLimitSigmas * p.FIntErr, 0.0 }
            : new[] { p.FInt - p.FIntErr, p.FInt + p.FIntErr });
        plot.Y = LinearScale.Covering(extent.Append(0.0), plot.YPixels.Start, plot.YPixels.End, 0.08);
        foreach (var p in points)
        {
            var kind = ExtractKind.Of(p.ExtractType);
            var link = imageLinkPrefix + p.ImageId;
            if (IsUpperLimit(p))
            {
                plot.AddPoint(X(p), UpperLimitSigmas * p.FIntErr, Marker.UpperLimit, "limit " + kind.CssClass,
                    $"{Fmt.Utc(p.TimeUtc)}: {kind.Label} {Fmt.G(p.FInt)} ± {Fmt.G(p.FIntErr, 2)} Jy, upper limit {Fmt.G(UpperLimitSigmas * p.FIntErr)} Jy", link);
            }
            else
            {
                plot.AddPoint(X(p), p.FInt, kind.Marker, kind.CssClass, $"{Fmt.Utc(p.TimeUtc)}: {kind.Label} {Fmt.G(p.FInt)} ± {Fmt.G(p.FIntErr, 2)} Jy",
                    link, p.FInt - p.FIntErr, p.FInt + p.FIntErr);
            }
        }
        foreach (var kind in ExtractKind.All.Where(k => points.Any(p => p.ExtractType == k.Type && !IsUpperLimit(p))))
        {
            plot.AddLegend(kind.Marker, kind.CssClass, kind.Label);
        }
        if (points.Any(IsUpperLimit)) plot.AddLegend(Marker.UpperLimit, "limit", $"upper limit ({Fmt.G(UpperLimitSigmas)}σ, forced fit below its noise)");
        return plot.ToSvg();
    }
}
