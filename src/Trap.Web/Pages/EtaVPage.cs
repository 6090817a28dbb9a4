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
    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var dataset = request.Dataset;
        var askedBand = request.Input.Integer("band", 0, int.MaxValue);
        var data = await request.ReadAsync(async q =>
        {
            var b = await BandList.LoadAsync(q, dataset.Id);
            var band = askedBand ?? (b.Bands.Count > 0 ? b.Bands[0].Id : 0);
            if (askedBand is { } a && b.Bands.All(x => x.Id != a)) throw new NotFoundException($"Dataset {dataset.Name} has no frequency band {a}.");
            // The cuts the run applied: its stored [transient_search] bound as the pipeline binds job.cfg (older runs may lack some keys).
            var config = await StoredConfig.LoadAsync(q, dataset.Id, "transient_search", new TransientSearchConfig());
            return (Bands: b, Band: band, Config: config, Points: await EtaVPoints.LoadAsync(q, dataset.Id, band));
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
                $"{dataset.Path}/sources/{p.Runcat}");
        }
        plot.AddLegend(Marker.Circle, "source", "catalogue source");
        plot.AddLegend(Marker.Square, "newsource", "new source");
        plot.AddLegend(Marker.Diamond, "candidate", "candidate selected in this band");

        var body = new StringBuilder();
        body.Append(FormFields.Open(dataset.Path + "/etav"))
            .Append(FormFields.Select("band", "Band", data.Band.ToString(CultureInfo.InvariantCulture), data.Bands.Options("").Skip(1)))
            .Append(FormFields.Close("Show"));
        body.Append("<p class=\"note\">Click a point to open its source. Dashed red: the fixed cuts (η ≥ eta_min and V ≥ v_min); dotted purple: the band's outlier thresholds. ")
            .Append(HtmlText.Encode(fitNote)).Append(' ')
            .Append(HtmlText.Encode($"{drawable.Count} of {data.Points.Count} sources drawn; sources with η or V equal to 0 (a single point or a flat light curve) cannot be placed on log axes."))
            .Append("</p>");
        body.Append("<div id=\"etav\">").Append(plot.ToSvg()).Append("</div>");
        return PageRequest.Html(PageLayout.Render("η–V plane of " + dataset.Name, body.ToString(), dataset, "/etav"));
    }
}
