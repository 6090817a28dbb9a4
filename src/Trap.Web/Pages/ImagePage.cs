using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;
using Trap.Web.Pixels;
using Trap.Web.Plots;

namespace Trap.Web.Pages;

/// <summary>
/// One image: every stored column, its QC verdict and rejections, its pixels (a binned preview from the
/// FITS file, or a note saying why they cannot be shown) with its sources drawn over them, and the
/// extracted-source table in pages.
/// </summary>
public static class ImagePage
{
    private static Column<ExtractedSourceRecord>[] SourceColumns(DatasetName dataset) =>
    [
        new("Source", s => Fmt.Int(s.Id), Numeric: true, Sort: "id"),
        new("Kind", s => ExtractKind.NameOf(s.ExtractType), Sort: "kind"),
        new("Catalogue source", s => s.Runcat is { } r ? Fmt.Int(r) : "", s => s.Runcat is { } r ? $"{dataset.Path}/sources/{r}" : null, true, Sort: "runcat"),
        new("RA (deg)", s => Fmt.Deg(s.Ra), Numeric: true, Sort: "ra"),
        new("Dec (deg)", s => Fmt.Deg(s.Dec), Numeric: true, Sort: "dec"),
        new("x (px)", s => Fmt.G(s.X, 5), Numeric: true, Sort: "x"),
        new("y (px)", s => Fmt.G(s.Y, 5), Numeric: true, Sort: "y"),
        new("S/N", s => Fmt.G(s.DetSigma, 3), Numeric: true, Sort: "snr"),
        new("f_peak (Jy)", s => Fmt.G(s.FPeak), Numeric: true, Sort: "fpeak"),
        new("± (Jy)", s => Fmt.G(s.FPeakErr, 2), Numeric: true),
        new("f_int (Jy)", s => Fmt.G(s.FInt), Numeric: true, Sort: "fint"),
        new("± (Jy)", s => Fmt.G(s.FIntErr, 2), Numeric: true),
        new("smaj (″)", s => Fmt.G(s.Smaj, 3), Numeric: true, Sort: "smaj"),
        new("smin (″)", s => Fmt.G(s.Smin, 3), Numeric: true, Sort: "smin"),
        new("PA (deg)", s => Fmt.G(s.Pa, 3), Numeric: true, Sort: "pa"),
        new("red. χ²", s => Fmt.G(s.ReducedChisq, 3), Numeric: true, Sort: "chisq"),
    ];

    private static Func<ExtractedSourceRecord, IComparable?> SortKey(string key) => key switch
    {
        "id" => s => s.Id, "kind" => s => s.ExtractType, "runcat" => s => s.Runcat, "ra" => s => s.Ra, "dec" => s => s.Dec, "x" => s => s.X,
        "y" => s => s.Y, "snr" => s => s.DetSigma, "fpeak" => s => s.FPeak, "fint" => s => s.FInt, "smaj" => s => s.Smaj, "smin" => s => s.Smin,
        "pa" => s => s.Pa, "chisq" => s => s.ReducedChisq,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a sortable column of an image's sources"),
    };

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var dataset = request.Dataset;
        var imageId = request.RouteId("image", "image id");
        var csv = request.Input.WantsCsv();
        var page = request.Input.Page();
        var (bands, detail) = await request.ReadAsync(async q => (await BandList.LoadAsync(q, dataset.Id), await ImageDetail.LoadAsync(q, dataset.Id, imageId)));
        var columns = SourceColumns(dataset);
        var sort = SortOrder.From(request.Input, columns);
        var sources = sort.Apply(detail.Sources, SortKey).ToList();
        var (image, rejections, url) = (detail.Image, detail.Rejections, detail.Image.Url);
        if (csv) return PageRequest.Csv($"dataset-{dataset.Id}-image-{imageId}-sources.csv", Table.Csv(columns, sources));

        var body = new StringBuilder();
        body.Append(HtmlText.Link(dataset.Path + "/images", "← all images"));
        body.Append(HtmlText.Facts(ImageFacts(image, bands)));
        body.Append("<h2>Quality control</h2>");
        body.Append(rejections.Count == 0
            ? "<p><span class=\"badge ok\">accepted</span></p>"
            : "<p><span class=\"badge bad\">rejected</span></p><ul>" + string.Concat(rejections.Select(r =>
                "<li>" + HtmlText.Encode($"{r.Reason} (reason {r.ReasonId})" + (r.Comment.Length > 0 ? ": " + r.Comment : "")) + "</li>")) + "</ul>");
        var file = ImageFile.Locate(url);
        body.Append("<h2>Sources on the image</h2>");
        if (!file.IsReachable) body.Append("<p class=\"error missing-pixels\">").Append(HtmlText.Encode(file.Problem)).Append("</p>");
        body.Append("<div id=\"image-map\">").Append(SourceMap(dataset, imageId, image.Width ?? 0, image.Height ?? 0, file.IsReachable, sources)).Append("</div>");
        if (file.IsReachable)
        {
            body.Append("<p class=\"note\">Pixels from ").Append(HtmlText.Encode(url)).Append(", shown from the ")
                .Append(HtmlText.Encode($"{DisplayRange.LowPercentile}th to the {DisplayRange.HighPercentile}th percentile"))
                .Append(" (black to white), binned to at most ").Append(ImagePreview.MaxSide).Append(" pixels a side; north up if the image is.</p>");
        }
        body.Append(Pager.Render(request, page, sources.Skip(Pager.Offset(page)).Take(Pager.Size).Count(), sources.Count));
        body.Append(Table.Html(columns, sources.Skip(Pager.Offset(page)).Take(Pager.Size), "sources", sorting: (request, sort)));
        return PageRequest.Html(PageLayout.Render($"Image {imageId} of {dataset.Name}", body.ToString(), dataset, "/images"));
    }

    private static List<(string, string)> ImageFacts(StoredImage i, BandList bands) =>
    [
        // What an image does not have (its header unreadable, it was rejected) is NULL, shown empty (docs/outputs.md).
        ("File", i.Url), ("Telescope", i.Telescope ?? ""), ("Accessor", i.Accessor ?? ""),
        ("Start (UTC)", Fmt.Utc(i.Start)), ("Integration (s)", Fmt.G(i.Integration)), ("Timestep", Fmt.OptionalInt(i.Timestep)),
        ("Band", i.Band is { } band ? bands.Label(band) : ""), ("Frequency (MHz)", Fmt.Mhz(i.FreqEff)), ("Bandwidth (MHz)", Fmt.Mhz(i.FreqBw)),
        ("Stokes", i.Stokes ?? ""), ("Sky region", i.SkyRegion is { } region ? Fmt.Int(region) : ""),
        ("Centre RA, Dec (deg)", Fmt.Deg(i.CentreRa) + ", " + Fmt.Deg(i.CentreDec)),
        ("Centre (sexagesimal)", i.CentreRa is { } ra && i.CentreDec is { } dec ? Fmt.RaHms(ra) + " " + Fmt.DecDms(dec) : ""),
        ("Extraction radius (deg)", Fmt.G(i.XtrRadius)),
        ("Beam smaj, smin (deg)", Fmt.G(i.BeamSmaj) + ", " + Fmt.G(i.BeamSmin)), ("Beam PA (deg)", Fmt.G(i.BeamPa)),
        ("Pixel size x, y (deg)", Fmt.G(i.DeltaX) + ", " + Fmt.G(i.DeltaY)),
        ("Size (px)", Fmt.OptionalInt(i.Width) + " × " + Fmt.OptionalInt(i.Height)),
        ("rms_qc (Jy)", Fmt.G(i.RmsQc)), ("Theoretical noise (Jy)", Fmt.G(i.TheoreticalNoise)),
        ("rms_min, rms_max (Jy)", Fmt.G(i.RmsMin) + ", " + Fmt.G(i.RmsMax)),
        ("Detection, analysis threshold (σ)", Fmt.G(i.DetectionThreshold) + ", " + Fmt.G(i.AnalysisThreshold)),
        ("Sources", Fmt.OptionalInt(i.Sources)),
    ];

    /// <summary>
    /// The sources at their pixel positions (blind and forced marked apart), each linked to its catalogue
    /// source, over the image's binned pixels when its file can be read. Pixel i spans i − ½ .. i + ½.
    /// </summary>
    private static string SourceMap(DatasetName dataset, long imageId, int width, int height, bool withPixels, IReadOnlyList<ExtractedSourceRecord> sources)
    {
        var (w, h) = (Math.Max(width, 1), Math.Max(height, 1));
        var frame = 640.0;
        var plot = new SvgPlot((int)frame + 90, (int)Math.Round(frame * Math.Min(h / (double)w, 2)) + 80,
            withPixels ? "Pixels and extracted sources" : "Extracted sources (pixel positions)", "x (pixel)", "y (pixel)");
        plot.X = new LinearScale(-0.5, w - 0.5, plot.XPixels.Start, plot.XPixels.End);
        plot.Y = new LinearScale(-0.5, h - 0.5, plot.YPixels.Start, plot.YPixels.End);
        if (withPixels)
        {
            var (bin, previewWidth, previewHeight) = ImagePreview.Layout(w, h);
            plot.SetBackground($"{dataset.Path}/images/{imageId}/preview.png", -0.5, -0.5, previewWidth * bin - 0.5, previewHeight * bin - 0.5);
        }
        foreach (var s in sources)
        {
            var kind = ExtractKind.Of(s.ExtractType);
            plot.AddPoint(s.X, s.Y, kind.Marker, kind.CssClass, $"source {s.Id}: {ExtractKind.NameOf(s.ExtractType)}, f_int {Fmt.G(s.FInt)} Jy",
                s.Runcat is { } r ? $"{dataset.Path}/sources/{r}" : null);
        }
        foreach (var kind in ExtractKind.All) plot.AddLegend(kind.Marker, kind.CssClass, kind.Label);
        return plot.ToSvg();
    }
}
