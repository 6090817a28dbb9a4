using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Science.Candidates;
using Trap.Web.Data;
using Trap.Web.Html;
using Trap.Web.Plots;

namespace Trap.Web.Pages;

/// <summary>
/// The η–V plane of one band (log–log, integrated flux), each point a link to its source page, with
/// the candidate cuts of the dataset's own [transient_search] settings: the fixed cuts η ≥ eta_min and
/// V ≥ v_min, and the band's outlier thresholds (median + outlier_sigma × robust σ of log10 η and
/// log10 V, fitted as the candidate selector does).
/// </summary>
public static class EtaVPage
{
    private sealed record Point(long Runcat, int Datapoints, double V, double Eta, int? NewType, string? Class);

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var id = request.RouteId("dataset", "dataset id");
        var askedBand = request.Input.Integer("band", 0, int.MaxValue);
        var data = await request.ReadAsync(async q =>
        {
            var d = await DatasetName.LoadAsync(q, id);
            var b = await BandList.LoadAsync(q, id);
            var band = askedBand ?? (b.Bands.Count > 0 ? b.Bands[0].Id : 0);
            if (askedBand is { } a && b.Bands.All(x => x.Id != a)) throw new NotFoundException($"Dataset {id} has no frequency band {a}.");
            var settings = await q.ListAsync("SELECT key, value FROM config WHERE dataset_id = $1 AND section = 'transient_search'",
                r => (r.Text("key"), r.Text("value")), id);
            var points = await q.ListAsync("""
                SELECT f.runcat_id, f.f_datapoints, f.v_int, f.eta_int, n.newsource_type, c.class
                FROM runningcatalog_flux f
                LEFT JOIN newsource n ON n.dataset_id = f.dataset_id AND n.runcat_id = f.runcat_id
                LEFT JOIN candidate c ON c.dataset_id = f.dataset_id AND c.runcat_id = f.runcat_id AND c.band_id = f.band_id
                WHERE f.dataset_id = $1 AND f.band_id = $2
                ORDER BY f.runcat_id
                """, r => new Point(r.Long("runcat_id"), r.Int("f_datapoints"), r.Double("v_int"), r.Double("eta_int"), r.NullableInt("newsource_type"),
                r.NullableText("class")), id, band);
            return (Dataset: d, Bands: b, Band: band, Config: Cuts(settings), Points: points);
        });

        var config = data.Config;
        var drawable = data.Points.Where(p => p.Eta > 0 && p.V > 0 && double.IsFinite(p.Eta) && double.IsFinite(p.V)).ToList();
        var plot = new SvgPlot(820, 560, "η–V plane, band " + data.Bands.Label(data.Band), "η_int (weighted reduced χ²)", "V_int (modulation index)");
        plot.X = LogScale.Covering(drawable.Select(p => p.Eta).Append(config.EtaMin), plot.XPixels.Start, plot.XPixels.End);
        plot.Y = LogScale.Covering(drawable.Select(p => p.V).Append(config.VMin), plot.YPixels.Start, plot.YPixels.End);
        plot.AddVerticalGuide(config.EtaMin, "η_min = " + Fmt.G(config.EtaMin), "cut");
        plot.AddHorizontalGuide(config.VMin, "V_min = " + Fmt.G(config.VMin), "cut");
        var fitSample = drawable.Where(p => p.NewType is null && p.Datapoints >= config.MinDatapoints).ToList();
        var fitNote = $"Outlier thresholds need at least {config.OutlierMinSources} sources with ≥ {config.MinDatapoints} points that are not new; this band has {fitSample.Count}.";
        if (fitSample.Count >= config.OutlierMinSources)
        {
            var eta = RobustGaussian.Fit(fitSample.Select(p => Math.Log10(p.Eta)).ToList());
            var v = RobustGaussian.Fit(fitSample.Select(p => Math.Log10(p.V)).ToList());
            var etaLimit = Math.Pow(10, eta.Median + config.OutlierSigma * eta.Sigma);
            var vLimit = Math.Pow(10, v.Median + config.OutlierSigma * v.Sigma);
            plot.AddVerticalGuide(etaLimit, $"η outlier ({Fmt.G(config.OutlierSigma)}σ) = {Fmt.G(etaLimit, 3)}", "outlier");
            plot.AddHorizontalGuide(vLimit, $"V outlier ({Fmt.G(config.OutlierSigma)}σ) = {Fmt.G(vLimit, 3)}", "outlier");
            fitNote = $"Outlier fit on {fitSample.Count} sources: log10 η = {Fmt.G(eta.Median, 3)} ± {Fmt.G(eta.Sigma, 3)}, log10 V = {Fmt.G(v.Median, 3)} ± {Fmt.G(v.Sigma, 3)} (median ± 1.4826 MAD).";
        }
        foreach (var p in drawable)
        {
            var css = p.Class is not null ? "candidate" : p.NewType is not null ? "newsource" : "source";
            var marker = p.Class is not null ? Marker.Diamond : p.NewType is not null ? Marker.Square : Marker.Circle;
            plot.AddPoint(p.Eta, p.V, marker, css,
                $"source {p.Runcat}: η = {Fmt.G(p.Eta, 3)}, V = {Fmt.G(p.V, 3)}, {p.Datapoints} points" + (p.Class is null ? "" : ", candidate: " + p.Class),
                $"/datasets/{id}/sources/{p.Runcat}");
        }
        plot.AddLegend(Marker.Circle, "source", "catalogue source");
        plot.AddLegend(Marker.Square, "newsource", "new source");
        plot.AddLegend(Marker.Diamond, "candidate", "candidate selected in this band");

        var body = new StringBuilder();
        body.Append(FormFields.Open(data.Dataset.Path + "/etav"))
            .Append(FormFields.Select("band", "Band", data.Band.ToString(CultureInfo.InvariantCulture), data.Bands.Options("").Skip(1)))
            .Append(FormFields.Close("Show"));
        body.Append("<p class=\"note\">Click a point to open its source. Dashed red: the fixed cuts (η ≥ eta_min and V ≥ v_min); dotted purple: the band's outlier thresholds. ")
            .Append(HtmlText.Encode(fitNote)).Append(' ')
            .Append(HtmlText.Encode($"{drawable.Count} of {data.Points.Count} sources drawn; sources with η or V equal to 0 (a single point or a flat light curve) cannot be placed on log axes."))
            .Append("</p>");
        body.Append("<div id=\"etav\">").Append(plot.ToSvg()).Append("</div>");
        return PageRequest.Html(PageLayout.Render("η–V plane of " + data.Dataset.Name, body.ToString(), id, "/etav"));
    }

    /// <summary>The dataset's stored [transient_search] values over the defaults (older runs may lack some keys).</summary>
    private static TransientSearchConfig Cuts(IReadOnlyList<(string Key, string Value)> settings)
    {
        var config = new TransientSearchConfig();
        foreach (var (key, value) in settings)
        {
            var number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN;
            if (double.IsNaN(number)) continue;
            config = key switch
            {
                "eta_min" => config with { EtaMin = number },
                "v_min" => config with { VMin = number },
                "outlier_sigma" => config with { OutlierSigma = number },
                "min_datapoints" => config with { MinDatapoints = (int)number },
                "outlier_min_sources" => config with { OutlierMinSources = (int)number },
                _ => config,
            };
        }
        return config;
    }
}
