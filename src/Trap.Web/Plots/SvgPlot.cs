using System.Globalization;
using System.Net;
using System.Text;

namespace Trap.Web.Plots;

/// <summary>
/// A scatter plot rendered as inline SVG: a frame, labelled ticks on both axes (linear or log),
/// points with optional error bars, tooltips and links, guide lines and a legend. Every data point
/// is one element of class "pt" so pages and tests can find and count them.
/// </summary>
public sealed class SvgPlot
{
    private const double Left = 70, Right = 20, TitleHeight = 30, Bottom = 50, LegendRow = 18;
    private const double MarkerRadius = 4;
    private readonly StringBuilder _data = new();
    private readonly StringBuilder _guides = new();
    private readonly List<(Marker Marker, string CssClass, string Label)> _legend = new();
    private static int _nextId;
    private int _verticalGuides;
    private string _background = "";
    private readonly string _clipId = "clip" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private readonly int _legendRowsAbove;

    /// <summary>
    /// A plot of <paramref name="width"/>×<paramref name="height"/> pixels. With <paramref name="legendRowsAbove"/> &gt; 0 the legend
    /// is laid out in that many rows between the title and the frame, so it can never cover a point (light curves);
    /// otherwise it sits in the frame's top-left corner.
    /// </summary>
    public SvgPlot(int width, int height, string title, string xLabel, string yLabel, int legendRowsAbove = 0)
    {
        _legendRowsAbove = legendRowsAbove;
        Width = width;
        Height = height;
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    public int Width { get; }

    public int Height { get; }

    public string Title { get; }

    public string XLabel { get; }

    public string YLabel { get; }

    /// <summary>The frame's top: below the title, and below the legend rows when the legend is above (with room for a limit's arrow).</summary>
    private double Top => _legendRowsAbove > 0 ? TitleHeight + LegendRow * _legendRowsAbove + 8 : TitleHeight;

    /// <summary>The horizontal pixel range data may occupy (left to right).</summary>
    public (double Start, double End) XPixels => (Left, Width - Right);

    /// <summary>The vertical pixel range data may occupy (bottom to top: larger values drawn higher).</summary>
    public (double Start, double End) YPixels => (Height - Bottom, Top);

    public Scale X { get; set; } = null!;

    public Scale Y { get; set; } = null!;

    /// <summary>Number of points drawn so far (points off a log axis are not drawn).</summary>
    public int PointCount { get; private set; }

    /// <summary>Adds a point; returns false (and draws nothing) when a log axis cannot show it.</summary>
    public bool AddPoint(double x, double y, Marker marker, string cssClass, string tooltip, string? link = null,
                         double? yErrorLow = null, double? yErrorHigh = null)
    {
        RequireScales();
        if (!X.IsDrawable(x) || !Y.IsDrawable(y)) return false;
        var px = X.ToPixel(x);
        var py = Y.ToPixel(y);
        if (link is not null) _data.Append("<a href=\"").Append(Encode(link)).Append("\">");
        _data.Append("<g class=\"pt ").Append(Encode(cssClass)).Append("\" data-x=\"").Append(Exact(x)).Append("\" data-y=\"").Append(Exact(y)).Append("\">");
        _data.Append("<title>").Append(Encode(tooltip)).Append("</title>");
        if (yErrorLow is { } low && yErrorHigh is { } high && Y.IsDrawable(low) && Y.IsDrawable(high))
        {
            var (y0, y1) = (Y.ToPixel(low), Y.ToPixel(high));
            _data.Append(Line(px, y0, px, y1, "errorbar"))
                 .Append(Line(px - 3, y0, px + 3, y0, "errorbar"))
                 .Append(Line(px - 3, y1, px + 3, y1, "errorbar"));
        }
        _data.Append(Shape(marker, px, py)).Append("</g>");
        if (link is not null) _data.Append("</a>");
        PointCount++;
        return true;
    }

    /// <summary>A horizontal guide line at data value <paramref name="y"/>, labelled at its right end.</summary>
    public void AddHorizontalGuide(double y, string label, string cssClass)
    {
        RequireScales();
        if (!Y.Contains(y)) return;
        var py = Y.ToPixel(y);
        _guides.Append(Line(XPixels.Start, py, XPixels.End, py, "guide " + cssClass))
               .Append(Text(XPixels.End - 4, py - 4, label, "guide-label " + cssClass, "end"));
    }

    /// <summary>A vertical guide line at data value <paramref name="x"/>, labelled at its top.</summary>
    public void AddVerticalGuide(double x, string label, string cssClass)
    {
        RequireScales();
        if (!X.Contains(x)) return;
        var px = X.ToPixel(x);
        // Labels of successive vertical guides go one line lower each, so close guides stay readable.
        _guides.Append(Line(px, YPixels.Start, px, YPixels.End, "guide " + cssClass))
               .Append(Text(px + 4, YPixels.End + 12 + 13 * _verticalGuides++, label, "guide-label " + cssClass, "start"));
    }

    /// <summary>A picture (e.g. the image's pixels) filling the data rectangle x0..x1, y0..y1, under everything else.</summary>
    public void SetBackground(string href, double x0, double y0, double x1, double y1)
    {
        RequireScales();
        var (px0, px1) = (X.ToPixel(x0), X.ToPixel(x1));
        var (py0, py1) = (Y.ToPixel(y0), Y.ToPixel(y1));
        _background = $"<image class=\"background\" href=\"{Encode(href)}\" x=\"{Num(Math.Min(px0, px1))}\" y=\"{Num(Math.Min(py0, py1))}\" " +
                      $"width=\"{Num(Math.Abs(px1 - px0))}\" height=\"{Num(Math.Abs(py1 - py0))}\" preserveAspectRatio=\"none\"/>";
    }

    public void AddLegend(Marker marker, string cssClass, string label) => _legend.Add((marker, cssClass, label));

    public string ToSvg()
    {
        RequireScales();
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"").Append(Width).Append("\" height=\"").Append(Height)
           .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" role=\"img\" aria-label=\"").Append(Encode(Title)).Append("\">");
        svg.Append("<defs><clipPath id=\"").Append(_clipId).Append("\"><rect x=\"").Append(Num(Left)).Append("\" y=\"").Append(Num(Top))
           .Append("\" width=\"").Append(Num(Width - Left - Right)).Append("\" height=\"").Append(Num(Height - Top - Bottom)).Append("\"/></clipPath></defs>");
        svg.Append(Text(Width / 2.0, 18, Title, "title", "middle"));
        AppendAxes(svg);
        svg.Append("<g clip-path=\"url(#").Append(_clipId).Append(")\">").Append(_background).Append(_guides).Append(_data).Append("</g>");
        AppendLegend(svg);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private void AppendAxes(StringBuilder svg)
    {
        var (x0, x1) = XPixels;
        var (y0, y1) = YPixels;
        svg.Append("<rect class=\"frame\" x=\"").Append(Num(x0)).Append("\" y=\"").Append(Num(y1)).Append("\" width=\"").Append(Num(x1 - x0))
           .Append("\" height=\"").Append(Num(y0 - y1)).Append("\"/>");
        foreach (var tick in X.Ticks())
        {
            var px = X.ToPixel(tick);
            svg.Append(Line(px, y0, px, y1, "grid")).Append(Line(px, y0, px, y0 + 5, "tick"))
               .Append(Text(px, y0 + 18, X.Label(tick), "tick-label", "middle"));
        }
        foreach (var tick in Y.Ticks())
        {
            var py = Y.ToPixel(tick);
            svg.Append(Line(x0, py, x1, py, "grid")).Append(Line(x0 - 5, py, x0, py, "tick"))
               .Append(Text(x0 - 8, py + 4, Y.Label(tick), "tick-label", "end"));
        }
        svg.Append(Text((x0 + x1) / 2, Height - 10, XLabel, "axis-label", "middle"));
        svg.Append("<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(16 ").Append(Num((y0 + y1) / 2))
           .Append(") rotate(-90)\">").Append(Encode(YLabel)).Append("</text>");
    }

    /// <summary>How many rows a legend above the frame needs for <paramref name="labels"/> in a plot <paramref name="width"/> wide.</summary>
    public static int LegendRowsFor(int width, IEnumerable<string> labels) =>
        Math.Max(1, FlowLegend(width, labels.ToList()).Select(p => p.Row).DefaultIfEmpty(0).Max() + 1);

    /// <summary>Entries flow left to right above the frame, wrapping to a new row when the next would pass the frame's right edge.</summary>
    private static IEnumerable<(double X, int Row)> FlowLegend(int width, IReadOnlyList<string> labels)
    {
        var (start, end) = (Left + 6, width - Right);
        var (x, row) = (start, 0);
        foreach (var label in labels)
        {
            var entryWidth = 24 + 6.2 * label.Length;
            if (x + entryWidth > end && x > start) (x, row) = (start, row + 1);
            yield return (x, row);
            x += entryWidth;
        }
    }

    private void AppendLegend(StringBuilder svg)
    {
        if (_legendRowsAbove > 0)
        {
            var places = FlowLegend(Width, _legend.Select(l => l.Label).ToList()).ToList();
            for (var i = 0; i < _legend.Count; i++)
            {
                var (marker, cssClass, label) = _legend[i];
                AppendLegendEntry(svg, marker, cssClass, label, places[i].X, TitleHeight + 12.0 + LegendRow * places[i].Row);
            }
            return;
        }
        var rowY = Top + 14.0;
        foreach (var (marker, cssClass, label) in _legend)
        {
            AppendLegendEntry(svg, marker, cssClass, label, XPixels.Start + 14, rowY);
            rowY += LegendRow;
        }
    }

    /// <summary>A legend entry whose text has its baseline at <paramref name="y"/>; a limit's arrow (14 px down from its bar) ends level with the text.</summary>
    private static void AppendLegendEntry(StringBuilder svg, Marker marker, string cssClass, string label, double x, double y) =>
        svg.Append("<g class=\"legend ").Append(Encode(cssClass)).Append("\">").Append(Shape(marker, x, marker == Marker.UpperLimit ? y - 12 : y - 4))
           .Append(Text(x + 10, y, label, "legend-label", "start")).Append("</g>");

    private static string Shape(Marker marker, double x, double y) => marker switch
    {
        Marker.Square => $"<rect class=\"mark\" x=\"{Num(x - MarkerRadius)}\" y=\"{Num(y - MarkerRadius)}\" width=\"{Num(2 * MarkerRadius)}\" height=\"{Num(2 * MarkerRadius)}\"/>",
        Marker.Diamond => $"<path class=\"mark\" d=\"M{Num(x)} {Num(y - 5)}L{Num(x + 5)} {Num(y)}L{Num(x)} {Num(y + 5)}L{Num(x - 5)} {Num(y)}Z\"/>",
        Marker.UpperLimit => $"<path class=\"mark limit\" d=\"M{Num(x - 5)} {Num(y)}H{Num(x + 5)}M{Num(x)} {Num(y)}V{Num(y + 14)}M{Num(x - 3)} {Num(y + 10)}L{Num(x)} {Num(y + 14)}L{Num(x + 3)} {Num(y + 10)}\"/>",
        _ => $"<circle class=\"mark\" cx=\"{Num(x)}\" cy=\"{Num(y)}\" r=\"{Num(MarkerRadius)}\"/>",
    };

    private static string Line(double x0, double y0, double x1, double y1, string cssClass) =>
        $"<line class=\"{cssClass}\" x1=\"{Num(x0)}\" y1=\"{Num(y0)}\" x2=\"{Num(x1)}\" y2=\"{Num(y1)}\"/>";

    private static string Text(double x, double y, string text, string cssClass, string anchor) =>
        $"<text class=\"{cssClass}\" x=\"{Num(x)}\" y=\"{Num(y)}\" text-anchor=\"{anchor}\">{Encode(text)}</text>";

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private void RequireScales()
    {
        if (X is null || Y is null) throw new InvalidOperationException("set SvgPlot.X and SvgPlot.Y before drawing");
    }
}
