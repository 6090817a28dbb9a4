using System.Globalization;
using System.Text;
using Trap.Web.Data;
using Trap.Web.Html;
using Trap.Web.Pixels;

namespace Trap.Web.Pages;

/// <summary>One epoch of a source's postage stamps: the image, and what the source has there (a measurement's kind and peak flux, or nothing yet).</summary>
public sealed record StampEpoch(SourceImage Image, ExtractKind? Kind, double? FPeak);

/// <summary>
/// A source's postage stamps, one row per band in time order: every epoch it was measured in
/// (detections, forced fits, monitoring fits) and the last <see cref="EpochsBefore"/> images before its
/// first detection, each marked by a coloured frame and a caption. The stamps of a band share one grey
/// range, from −3 × the band's median image rms to the source's brightest peak flux (at least 10 × rms),
/// so a brightening reads as one, and noise looks like noise in every epoch.
/// </summary>
public static class StampGallery
{
    public const int EpochsBefore = 6, MaxEpochs = 60, StampPixels = 48, ShownPixels = 96;

    public static string Render(DatasetName dataset, double raDeg, double decDeg, IReadOnlyList<StampEpoch> epochs, BandList bands)
    {
        var html = new StringBuilder("<div id=\"stamps\">");
        var missing = new List<string>();
        foreach (var band in epochs.GroupBy(e => e.Image.Band).OrderBy(g => g.Key))
        {
            var before = band.Where(e => e.Kind is null).TakeLast(EpochsBefore);
            var measured = band.Where(e => e.Kind is not null).ToList();
            var shown = before.Concat(measured.Take(MaxEpochs)).ToList();
            var range = Range(band.ToList());
            html.Append("<h3>Band ").Append(HtmlText.Encode(bands.Label(band.Key))).Append("</h3>");
            if (measured.Count > MaxEpochs)
            {
                html.Append("<p class=\"note\">").Append(HtmlText.Encode($"The first {MaxEpochs} of {measured.Count} measured epochs; every epoch's image is linked from the association history.")).Append("</p>");
            }
            html.Append("<div class=\"stamp-row\" data-band=\"").Append(band.Key).Append("\">");
            foreach (var epoch in shown) html.Append(Figure(dataset, raDeg, decDeg, epoch, range, missing));
            html.Append("</div>");
        }
        if (missing.Count > 0)
        {
            html.Append("<p class=\"error missing-pixels\">").Append(HtmlText.Encode($"{missing.Count} image file(s) cannot be read, e.g.: {missing[0]}")).Append("</p>");
        }
        return html.Append("</div>").ToString();
    }

    /// <summary>The band's shared grey range, or null (each stamp its own percentiles) when no image has a usable rms.</summary>
    private static DisplayRange? Range(IReadOnlyList<StampEpoch> band)
    {
        var rms = band.Select(e => e.Image.RmsQc).OfType<double>().Order().ToList();
        if (rms.Count == 0) return null;
        var median = rms[rms.Count / 2];
        var peak = band.Select(e => e.FPeak).OfType<double>().Where(double.IsFinite).DefaultIfEmpty(0).Max();
        return new DisplayRange(-3 * median, Math.Max(peak, 10 * median));
    }

    private static string Figure(DatasetName dataset, double raDeg, double decDeg, StampEpoch epoch, DisplayRange? range, List<string> missing)
    {
        var image = epoch.Image;
        var (css, caption) = epoch.Kind is { } kind
            ? (kind.CssClass, kind.Label + (epoch.FPeak is { } f ? " " + Fmt.G(f, 3) + " Jy/b" : ""))
            : ("before", "before detection");
        var imagePath = $"{dataset.Path}/images/{image.ImageId}";
        var position = "ra=" + Fmt.Deg(raDeg) + "&dec=" + Fmt.Deg(decDeg);
        var html = new StringBuilder("<figure class=\"stamp ").Append(css).Append("\" data-image=\"").Append(image.ImageId).Append("\">");
        var file = ImageFile.Locate(image.Url);
        if (file.IsReachable)
        {
            var scale = range is { } r ? "&lo=" + Num(r.Low) + "&hi=" + Num(r.High) : "";
            var src = $"{imagePath}/stamp.png?{position}&size={StampPixels}{scale}";
            html.Append("<a href=\"").Append(HtmlText.Encode(imagePath)).Append("\"><img src=\"").Append(HtmlText.Encode(src))
                .Append("\" width=\"").Append(ShownPixels).Append("\" height=\"").Append(ShownPixels).Append("\" loading=\"lazy\" alt=\"")
                .Append(HtmlText.Encode($"image {image.ImageId} at {Fmt.Utc(image.Start)}")).Append("\"></a>");
        }
        else
        {
            missing.Add(file.Problem!);
            html.Append("<a class=\"nopixels\" href=\"").Append(HtmlText.Encode(imagePath)).Append("\" title=\"").Append(HtmlText.Encode(file.Problem))
                .Append("\">file not reachable</a>");
        }
        html.Append("<figcaption>").Append(HtmlText.Encode(Fmt.Utc(image.Start))).Append("<br>").Append(HtmlText.Encode(caption));
        if (file.IsReachable) html.Append(" · ").Append(HtmlText.Link($"{imagePath}/cutout.fits?{position}&size={StampPixels}", "FITS"));
        return html.Append("</figcaption></figure>").ToString();
    }

    /// <summary>A small stamp (its own grey range) linking to the source's page, or a note when the image file is gone.</summary>
    public static string Thumbnail(DatasetName dataset, long runcat, long imageId, string url, double raDeg, double decDeg)
    {
        var file = ImageFile.Locate(url);
        var sourcePath = $"{dataset.Path}/sources/{runcat}";
        if (!file.IsReachable)
        {
            return "<a class=\"nopixels thumb\" href=\"" + HtmlText.Encode(sourcePath) + "\" title=\"" + HtmlText.Encode(file.Problem) + "\">file not reachable</a>";
        }
        var src = $"{dataset.Path}/images/{imageId}/stamp.png?ra={Fmt.Deg(raDeg)}&dec={Fmt.Deg(decDeg)}&size={StampPixels}";
        return "<a href=\"" + HtmlText.Encode(sourcePath) + "\"><img class=\"thumb\" src=\"" + HtmlText.Encode(src) + "\" width=\"48\" height=\"48\" alt=\"" +
               HtmlText.Encode($"source {runcat} in image {imageId}") + "\"></a>";
    }

    private static string Num(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
