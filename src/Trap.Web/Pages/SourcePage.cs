using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>
/// One catalogue source: position with SIMBAD/NED links, per-band metrics, new-source and candidate
/// verdicts, a light curve per band and the full association history.
/// </summary>
public static class SourcePage
{
    private sealed record Source(double Ra, double Dec, double ErrEw, double ErrNs, int Datapoints, int ForcedFits, bool Monitored, long FirstSource);

    private sealed record BandFlux(int Band, int Points, double AvgPeak, double AvgInt, double WavgInt, double VInt, double EtaInt, double VPeak, double EtaPeak);

    private sealed record Association(DateTime Time, int Band, long ImageId, long SourceId, int Type, int ExtractType, double Distance, double R,
                                      double FInt, double FIntErr, double FPeak, double FPeakErr, double V, double Eta, int Points);

    private static Column<BandFlux>[] FluxColumns(BandList bands) =>
    [
        new("Band", f => bands.Label(f.Band)), new("Points", f => Fmt.Int(f.Points), Numeric: true),
        new("Avg f_peak (Jy)", f => Fmt.G(f.AvgPeak), Numeric: true), new("Avg f_int (Jy)", f => Fmt.G(f.AvgInt), Numeric: true),
        new("Weighted avg f_int (Jy)", f => Fmt.G(f.WavgInt), Numeric: true),
        new("V_int", f => Fmt.G(f.VInt), Numeric: true), new("η_int", f => Fmt.G(f.EtaInt), Numeric: true),
        new("V_peak", f => Fmt.G(f.VPeak), Numeric: true), new("η_peak", f => Fmt.G(f.EtaPeak), Numeric: true),
    ];

    private static Column<Association>[] HistoryColumns(long dataset, BandList bands) =>
    [
        new("Time (UTC)", a => Fmt.Utc(a.Time)), new("Band", a => bands.Label(a.Band)),
        new("Image", a => Fmt.Int(a.ImageId), a => $"/datasets/{dataset}/images/{a.ImageId}", true),
        new("Source", a => Fmt.Int(a.SourceId), Numeric: true),
        new("Kind", a => ExtractKind.NameOf(a.ExtractType)),
        new("Assoc. type", a => Fmt.Int(a.Type), Numeric: true, Title: "TraP assocxtrsource type: 2 fork base, 3 one-to-one, 4 new source, 6 copied history, 7 null detection, 8 monitoring"),
        new("Distance (″)", a => Fmt.G(a.Distance, 3), Numeric: true), new("de Ruiter r", a => Fmt.G(a.R, 3), Numeric: true),
        new("f_int (Jy)", a => Fmt.G(a.FInt), Numeric: true), new("± (Jy)", a => Fmt.G(a.FIntErr, 2), Numeric: true),
        new("f_peak (Jy)", a => Fmt.G(a.FPeak), Numeric: true), new("± (Jy)", a => Fmt.G(a.FPeakErr, 2), Numeric: true),
        new("V_int", a => Fmt.G(a.V), Numeric: true), new("η_int", a => Fmt.G(a.Eta), Numeric: true),
        new("Points", a => Fmt.Int(a.Points), Numeric: true),
    ];

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var id = request.RouteId("dataset", "dataset id");
        var runcat = request.RouteId("runcat", "catalogue source id");
        var csv = request.Input.WantsCsv();
        var logFlux = request.Input.Flag("logflux");
        var data = await request.ReadAsync(async q =>
        {
            var d = await DatasetName.LoadAsync(q, id);
            var b = await BandList.LoadAsync(q, id);
            var s = await q.SingleAsync("""
                SELECT wm_ra_deg, wm_dec_deg, wm_uncertainty_ew_deg, wm_uncertainty_ns_deg, datapoints, forcedfits_count, mon_src, first_source_id
                FROM runningcatalog WHERE dataset_id = $1 AND runcat_id = $2
                """, r => new Source(r.Double("wm_ra_deg"), r.Double("wm_dec_deg"), r.Double("wm_uncertainty_ew_deg"), r.Double("wm_uncertainty_ns_deg"),
                r.Int("datapoints"), r.Int("forcedfits_count"), r.Bool("mon_src"), r.Long("first_source_id")),
                $"Dataset {id} has no catalogue source {runcat}.", id, runcat);
            var fluxes = await q.ListAsync("SELECT * FROM runningcatalog_flux WHERE dataset_id = $1 AND runcat_id = $2 ORDER BY band_id",
                r => new BandFlux(r.Int("band_id"), r.Int("f_datapoints"), r.Double("avg_f_peak_jy"), r.Double("avg_f_int_jy"), r.Double("wavg_f_int_jy"),
                    r.Double("v_int"), r.Double("eta_int"), r.Double("v_peak"), r.Double("eta_peak")), id, runcat);
            var history = await q.ListAsync("""
                SELECT a.time_utc, a.band_id, a.image_id, a.source_id, a.type, e.extract_type, a.distance_arcsec, a.r, a.f_int_jy, a.f_int_err_jy,
                       a.f_peak_jy, a.f_peak_err_jy, a.v_int, a.eta_int, a.f_datapoints
                FROM assocxtrsource a
                JOIN extractedsource e ON e.dataset_id = a.dataset_id AND e.source_id = a.source_id
                WHERE a.dataset_id = $1 AND a.runcat_id = $2
                ORDER BY a.time_utc, a.band_id, a.source_id
                """, r => new Association(r.Utc("time_utc"), r.Int("band_id"), r.Long("image_id"), r.Long("source_id"), r.Int("type"), r.Int("extract_type"),
                r.Double("distance_arcsec"), r.Double("r"), r.Double("f_int_jy"), r.Double("f_int_err_jy"), r.Double("f_peak_jy"), r.Double("f_peak_err_jy"),
                r.Double("v_int"), r.Double("eta_int"), r.Int("f_datapoints")), id, runcat);
            var metrics = await q.ListAsync("""
                SELECT band_id, eta_int_significance, lightcurve_max_jy, lightcurve_avg_jy, lightcurve_median_jy, vs_int_max, m_int_max,
                       newsource_type, sigma_rms_min, sigma_rms_max
                FROM varmetric WHERE dataset_id = $1 AND runcat_id = $2
                """, r => new List<(string, string)>
                {
                    ("Band (varmetric)", b.Label(r.Int("band_id"))), ("η significance", Fmt.G(r.Double("eta_int_significance"))),
                    ("Light curve max / avg / median (Jy)", $"{Fmt.G(r.Double("lightcurve_max_jy"))} / {Fmt.G(r.Double("lightcurve_avg_jy"))} / {Fmt.G(r.Double("lightcurve_median_jy"))}"),
                    ("Largest two-epoch |Vs|, |m| (f_int)", $"{Fmt.G(r.NullableDouble("vs_int_max"))}, {Fmt.G(r.NullableDouble("m_int_max"))}"),
                    ("New source", r.NullableInt("newsource_type") switch { 0 => "type 0 (possible transient)", 1 => "type 1 (likely transient)", _ => "no" }),
                    ("σ_rms_min, σ_rms_max", r.NullableDouble("sigma_rms_min") is null ? "" : $"{Fmt.G(r.NullableDouble("sigma_rms_min"))}, {Fmt.G(r.NullableDouble("sigma_rms_max"))}"),
                }, id, runcat);
            var candidate = await q.ListAsync("""
                SELECT class, score, class_rule, selected_by, band_id, trigger_utc, eta_sigmas, v_sigmas, n_points, forced_fraction,
                       peak_f_int_jy, peak_utc, ivorn
                FROM candidate WHERE dataset_id = $1 AND runcat_id = $2
                """, r => new List<(string, string)>
                {
                    ("Class", r.Text("class")), ("Score", Fmt.G(r.Double("score"))), ("Rule", r.Text("class_rule")), ("Selected by", r.Text("selected_by")),
                    ("Band", b.Label(r.Int("band_id"))), ("Trigger (UTC)", Fmt.Utc(r.Utc("trigger_utc"))),
                    ("η, V above the band's medians (σ)", $"{Fmt.G(r.NullableDouble("eta_sigmas"), 3)}, {Fmt.G(r.NullableDouble("v_sigmas"), 3)}"),
                    ("Points (forced fraction)", $"{Fmt.Int(r.Int("n_points"))} ({Fmt.G(r.Double("forced_fraction"), 2)})"),
                    ("Peak f_int (Jy) at (UTC)", $"{Fmt.G(r.Double("peak_f_int_jy"))} at {Fmt.Utc(r.Utc("peak_utc"))}"), ("VOEvent IVORN", r.Text("ivorn")),
                }, id, runcat);
            var images = await SourceImages.LoadAsync(q, id, runcat, s.Ra, s.Dec);
            return (Dataset: d, Bands: b, Source: s, Fluxes: fluxes, History: history, Metrics: metrics, Candidate: candidate, Images: images);
        });
        var historyColumns = HistoryColumns(id, data.Bands);
        if (csv) return PageRequest.Csv($"dataset-{id}-source-{runcat}-lightcurve.csv", Table.Csv(historyColumns, data.History));

        var s = data.Source;
        var body = new StringBuilder();
        body.Append("<p>").Append(ExternalLinks.All(s.Ra, s.Dec)).Append(" · ")
            .Append(HtmlText.Link($"{data.Dataset.Path}/sources?ra={Fmt.Deg(s.Ra)}&dec={Fmt.Deg(s.Dec)}&radius=0.1", "neighbours within 0.1°"))
            .Append("</p>");
        body.Append(HtmlText.Facts([
            ("RA, Dec (deg)", Fmt.Deg(s.Ra) + ", " + Fmt.Deg(s.Dec)),
            ("RA, Dec (sexagesimal)", Fmt.RaHms(s.Ra) + " " + Fmt.DecDms(s.Dec)),
            ("Uncertainty EW, NS (″)", Fmt.G(s.ErrEw * 3600, 3) + ", " + Fmt.G(s.ErrNs * 3600, 3)),
            ("Datapoints", Fmt.Int(s.Datapoints)), ("Forced fits", Fmt.Int(s.ForcedFits)), ("Monitored", s.Monitored ? "yes" : "no"),
            ("First source", Fmt.Int(s.FirstSource)),
        ]));
        if (data.Candidate.Count > 0)
        {
            body.Append("<h2>Transient candidate</h2>").Append(HtmlText.Facts(data.Candidate[0]));
            var ivorn = data.Candidate[0].First(f => f.Item1 == "VOEvent IVORN").Item2;
            body.Append("<p>").Append(VoEventFile.Find(request.OutputFolder, ivorn) is not null
                ? HtmlText.Link($"/datasets/{id}/sources/{runcat}/voevent.xml", "Download the VOEvent (XML)", "voevent")
                : HtmlText.Encode("The VOEvent file is in the run's output folder (voevents/); the database keeps its IVORN.")).Append("</p>");
        }
        body.Append("<h2>Variability</h2>");
        if (data.Metrics.Count > 0) body.Append(HtmlText.Facts(data.Metrics[0]));
        body.Append(Table.Html(FluxColumns(data.Bands), data.Fluxes, "fluxes"));
        body.Append("<h2>Postage stamps</h2>").Append(StampGallery.Render(id, s.Ra, s.Dec, Epochs(data.Images, data.History), data.Bands));
        body.Append("<h2>Light curves</h2><p>")
            .Append(HtmlText.Link(request.WithQuery(("logflux", logFlux ? null : "1")), logFlux ? "linear flux axis" : "log flux axis")).Append("</p>");
        var series = data.History.GroupBy(a => a.Band).OrderBy(g => g.Key).Select(band => new LightCurveSeries("Band " + data.Bands.Label(band.Key),
            band.Select(a => new LightCurvePoint(a.Time, a.ExtractType, a.FInt, a.FIntErr, a.ImageId)).ToList(),
            data.Images.Where(i => i.Before && i.Band == band.Key && i.RmsQc is not null)
                .Select(i => new DetectionLimit(i.Start, LightCurveChart.UpperLimitSigmas * i.RmsQc!.Value, i.ImageId)).ToList())).ToList();
        var time = TimeAxis.Covering([.. data.History.Select(a => a.Time), .. series.SelectMany(b => b.Limits).Select(l => l.TimeUtc)]);
        var imagePrefix = $"/datasets/{id}/images/";
        if (series.Count > 1)
        {
            body.Append("<div id=\"combined-lightcurve\">").Append(LightCurveChart.RenderCombined("All bands", series, time, imagePrefix, logFlux)).Append("</div>");
        }
        body.Append("<div id=\"lightcurves\">");
        foreach (var band in series)
        {
            body.Append("<div class=\"lightcurve\">").Append(LightCurveChart.Render(band.Label, band, time, imagePrefix, logFlux)).Append("</div>");
        }
        body.Append("</div><h2>Association history</h2><p>").Append(HtmlText.Link(request.WithQuery(("format", "csv")), "CSV")).Append("</p>")
            .Append(Table.Html(historyColumns, data.History, "history"));
        return PageRequest.Html(PageLayout.Render($"Source {runcat} of {data.Dataset.Name}", body.ToString(), id, "/sources"));
    }

    /// <summary>Each image's stamp epoch: the source's measurement there (its first, if several), or none before its first detection.</summary>
    private static List<StampEpoch> Epochs(IReadOnlyList<SourceImage> images, IReadOnlyList<Association> history)
    {
        var byImage = history.GroupBy(a => a.ImageId).ToDictionary(g => g.Key, g => g.First());
        return images.Select(i => byImage.TryGetValue(i.ImageId, out var a)
            ? new StampEpoch(i, ExtractKind.Of(a.ExtractType), a.FPeak)
            : new StampEpoch(i, null, null)).ToList();
    }
}
