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
    private sealed record Source(long Id, int ExtractType, double Ra, double Dec, double X, double Y, double DetSigma, double FPeak,
                                 double FPeakErr, double FInt, double FIntErr, double Smaj, double Smin, double Pa, double ReducedChisq, long? Runcat);

    private sealed record Rejection(int ReasonId, string Reason, string Comment);

    private static Column<Source>[] SourceColumns(long dataset) =>
    [
        new("Source", s => Fmt.Int(s.Id), Numeric: true),
        new("Kind", s => ExtractKind.NameOf(s.ExtractType)),
        new("Catalogue source", s => s.Runcat is { } r ? Fmt.Int(r) : "", s => s.Runcat is { } r ? $"/datasets/{dataset}/sources/{r}" : null, true),
        new("RA (deg)", s => Fmt.Deg(s.Ra), Numeric: true),
        new("Dec (deg)", s => Fmt.Deg(s.Dec), Numeric: true),
        new("x (px)", s => Fmt.G(s.X, 5), Numeric: true),
        new("y (px)", s => Fmt.G(s.Y, 5), Numeric: true),
        new("S/N", s => Fmt.G(s.DetSigma, 3), Numeric: true),
        new("f_peak (Jy)", s => Fmt.G(s.FPeak), Numeric: true),
        new("± (Jy)", s => Fmt.G(s.FPeakErr, 2), Numeric: true),
        new("f_int (Jy)", s => Fmt.G(s.FInt), Numeric: true),
        new("± (Jy)", s => Fmt.G(s.FIntErr, 2), Numeric: true),
        new("smaj (″)", s => Fmt.G(s.Smaj, 3), Numeric: true),
        new("smin (″)", s => Fmt.G(s.Smin, 3), Numeric: true),
        new("PA (deg)", s => Fmt.G(s.Pa, 3), Numeric: true),
        new("red. χ²", s => Fmt.G(s.ReducedChisq, 3), Numeric: true),
    ];

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var id = request.RouteId("dataset", "dataset id");
        var imageId = request.RouteId("image", "image id");
        var csv = request.Input.WantsCsv();
        var page = request.Input.Page();
        var (dataset, bands, (facts, width, height, url), rejections, sources) = await request.ReadAsync(async q =>
        {
            var d = await DatasetName.LoadAsync(q, id);
            var b = await BandList.LoadAsync(q, id);
            var f = await q.SingleAsync("SELECT * FROM image WHERE dataset_id = $1 AND image_id = $2",
                r => (ImageFacts(r, b), r.NullableInt("width_px") ?? 0, r.NullableInt("height_px") ?? 0, r.Text("url")),
                $"Dataset {id} has no image {imageId}.", id, imageId);
            var rej = await q.ListAsync("SELECT reason_id, reason, comment FROM rejection WHERE dataset_id = $1 AND image_id = $2 ORDER BY reason_id",
                r => new Rejection(r.Int("reason_id"), r.Text("reason"), r.Text("comment")), id, imageId);
            var s = await q.ListAsync("""
                SELECT e.source_id, e.extract_type, e.ra_deg, e.dec_deg, e.x_pix, e.y_pix, e.det_sigma, e.f_peak_jy, e.f_peak_err_jy,
                       e.f_int_jy, e.f_int_err_jy, e.semimajor_arcsec, e.semiminor_arcsec, e.pa_deg, e.reduced_chisq,
                       (SELECT min(a.runcat_id) FROM assocxtrsource a WHERE a.dataset_id = e.dataset_id AND a.source_id = e.source_id) AS runcat_id
                FROM extractedsource e WHERE e.dataset_id = $1 AND e.image_id = $2 ORDER BY e.source_id
                """, r => new Source(r.Long("source_id"), r.Int("extract_type"), r.Double("ra_deg"), r.Double("dec_deg"), r.Double("x_pix"),
                r.Double("y_pix"), r.Double("det_sigma"), r.Double("f_peak_jy"), r.Double("f_peak_err_jy"), r.Double("f_int_jy"),
                r.Double("f_int_err_jy"), r.Double("semimajor_arcsec"), r.Double("semiminor_arcsec"), r.Double("pa_deg"), r.Double("reduced_chisq"),
                r.NullableLong("runcat_id")), id, imageId);
            return (d, b, f, rej, s);
        });
        var columns = SourceColumns(id);
        if (csv) return PageRequest.Csv($"dataset-{id}-image-{imageId}-sources.csv", Table.Csv(columns, sources));

        var body = new StringBuilder();
        body.Append(HtmlText.Link(dataset.Path + "/images", "← all images"));
        body.Append(HtmlText.Facts(facts));
        body.Append("<h2>Quality control</h2>");
        body.Append(rejections.Count == 0
            ? "<p><span class=\"badge ok\">accepted</span></p>"
            : "<p><span class=\"badge bad\">rejected</span></p><ul>" + string.Concat(rejections.Select(r =>
                "<li>" + HtmlText.Encode($"{r.Reason} (reason {r.ReasonId})" + (r.Comment.Length > 0 ? ": " + r.Comment : "")) + "</li>")) + "</ul>");
        var file = ImageFile.Locate(url);
        body.Append("<h2>Sources on the image</h2>");
        if (!file.IsReachable) body.Append("<p class=\"error missing-pixels\">").Append(HtmlText.Encode(file.Problem)).Append("</p>");
        body.Append("<div id=\"image-map\">").Append(SourceMap(id, imageId, width, height, file.IsReachable, sources)).Append("</div>");
        if (file.IsReachable)
        {
            body.Append("<p class=\"note\">Pixels from ").Append(HtmlText.Encode(url)).Append(", shown from the ")
                .Append(HtmlText.Encode($"{DisplayRange.LowPercentile}th to the {DisplayRange.HighPercentile}th percentile"))
                .Append(" (black to white), binned to at most ").Append(ImagePreview.MaxSide).Append(" pixels a side; north up if the image is.</p>");
        }
        body.Append(Pager.Render(request, page, sources.Skip(Pager.Offset(page)).Take(Pager.Size).Count(), sources.Count));
        body.Append(Table.Html(columns, sources.Skip(Pager.Offset(page)).Take(Pager.Size), "sources"));
        return PageRequest.Html(PageLayout.Render($"Image {imageId} of {dataset.Name}", body.ToString(), id, "/images"));
    }

    private static List<(string, string)> ImageFacts(System.Data.Common.DbDataReader r, BandList bands) =>
    [
        // What an image does not have (its header unreadable, it was rejected) is NULL, shown empty (docs/outputs.md).
        ("File", r.Text("url")), ("Telescope", r.NullableText("telescope") ?? ""), ("Accessor", r.NullableText("accessor") ?? ""),
        ("Start (UTC)", Fmt.Utc(r.NullableUtc("start_utc"))), ("Integration (s)", Fmt.G(r.NullableDouble("integration_s"))),
        ("Timestep", Fmt.OptionalInt(r.NullableInt("timestep"))),
        ("Band", r.NullableInt("band_id") is { } band ? bands.Label(band) : ""), ("Frequency (MHz)", Fmt.Mhz(r.NullableDouble("freq_eff_hz"))),
        ("Bandwidth (MHz)", Fmt.Mhz(r.NullableDouble("freq_bw_hz"))),
        ("Stokes", r.NullableText("stokes") ?? ""), ("Sky region", r.NullableLong("sky_region_id") is { } region ? Fmt.Int(region) : ""),
        ("Centre RA, Dec (deg)", Fmt.Deg(r.NullableDouble("centre_ra_deg")) + ", " + Fmt.Deg(r.NullableDouble("centre_dec_deg"))),
        ("Centre (sexagesimal)", r.NullableDouble("centre_ra_deg") is { } ra && r.NullableDouble("centre_dec_deg") is { } dec ? Fmt.RaHms(ra) + " " + Fmt.DecDms(dec) : ""),
        ("Extraction radius (deg)", Fmt.G(r.NullableDouble("xtr_radius_deg"))),
        ("Beam smaj, smin (deg)", Fmt.G(r.NullableDouble("rb_smaj_deg")) + ", " + Fmt.G(r.NullableDouble("rb_smin_deg"))),
        ("Beam PA (deg)", Fmt.G(r.NullableDouble("rb_pa_deg"))),
        ("Pixel size x, y (deg)", Fmt.G(r.NullableDouble("deltax_deg")) + ", " + Fmt.G(r.NullableDouble("deltay_deg"))),
        ("Size (px)", Fmt.OptionalInt(r.NullableInt("width_px")) + " × " + Fmt.OptionalInt(r.NullableInt("height_px"))),
        ("rms_qc (Jy)", Fmt.G(r.NullableDouble("rms_qc_jy"))), ("Theoretical noise (Jy)", Fmt.G(r.NullableDouble("theoretical_noise_jy"))),
        ("rms_min, rms_max (Jy)", Fmt.G(r.NullableDouble("rms_min_jy")) + ", " + Fmt.G(r.NullableDouble("rms_max_jy"))),
        ("Detection, analysis threshold (σ)", Fmt.G(r.Double("detection_thresh")) + ", " + Fmt.G(r.Double("analysis_thresh"))),
        ("Sources", Fmt.OptionalInt(r.NullableInt("n_sources"))),
    ];

    /// <summary>
    /// The sources at their pixel positions (blind and forced marked apart), each linked to its catalogue
    /// source, over the image's binned pixels when its file can be read. Pixel i spans i − ½ .. i + ½.
    /// </summary>
    private static string SourceMap(long dataset, long imageId, int width, int height, bool withPixels, IReadOnlyList<Source> sources)
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
            plot.SetBackground($"/datasets/{dataset}/images/{imageId}/preview.png", -0.5, -0.5, previewWidth * bin - 0.5, previewHeight * bin - 0.5);
        }
        foreach (var s in sources)
        {
            var kind = ExtractKind.Of(s.ExtractType);
            plot.AddPoint(s.X, s.Y, kind.Marker, kind.CssClass, $"source {s.Id}: {ExtractKind.NameOf(s.ExtractType)}, f_int {Fmt.G(s.FInt)} Jy",
                s.Runcat is { } r ? $"/datasets/{dataset}/sources/{r}" : null);
        }
        foreach (var kind in ExtractKind.All) plot.AddLegend(kind.Marker, kind.CssClass, kind.Label);
        return plot.ToSvg();
    }
}
