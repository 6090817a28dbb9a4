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
    private static Column<BandFlux>[] FluxColumns(BandList bands) =>
    [
        new("Band", f => bands.Label(f.Band)), new("Points", f => Fmt.Int(f.Points), Numeric: true),
        new("Avg f_peak (Jy)", f => Fmt.G(f.AvgPeak), Numeric: true), new("Avg f_int (Jy)", f => Fmt.G(f.AvgInt), Numeric: true),
        new("Weighted avg f_int (Jy)", f => Fmt.G(f.WavgInt), Numeric: true),
        new("V_int", f => Fmt.G(f.VInt), Numeric: true), new("η_int", f => Fmt.G(f.EtaInt), Numeric: true),
        new("V_peak", f => Fmt.G(f.VPeak), Numeric: true), new("η_peak", f => Fmt.G(f.EtaPeak), Numeric: true),
    ];

    private static Column<Association>[] HistoryColumns(DatasetName dataset, BandList bands) =>
    [
        new("Time (UTC)", a => Fmt.Utc(a.Time)), new("Band", a => bands.Label(a.Band)),
        new("Image", a => Fmt.Int(a.ImageId), a => $"{dataset.Path}/images/{a.ImageId}", true),
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
        var dataset = request.Dataset;
        var runcat = request.RouteId("runcat", "catalogue source id");
        var csv = request.Input.WantsCsv();
        var logFlux = request.Input.Flag("logflux");
        var (bands, detail, voevent) = await request.ReadAsync(async q =>
        {
            var b = await BandList.LoadAsync(q, dataset.Id);
            var d = await SourceDetail.LoadAsync(q, dataset.Id, runcat);
            return (b, d, d.Candidate is null ? null : await VoEvent.LoadAsync(q, dataset.Id, runcat));
        });
        var historyColumns = HistoryColumns(dataset, bands);
        if (csv) return PageRequest.Csv($"dataset-{dataset.Id}-source-{runcat}-lightcurve.csv", Table.Csv(historyColumns, detail.History));

        var s = detail.Source;
        var body = new StringBuilder();
        body.Append("<p>").Append(ExternalLinks.All(s.Ra, s.Dec)).Append(" · ")
            .Append(HtmlText.Link($"{dataset.Path}/sources?ra={Fmt.Deg(s.Ra)}&dec={Fmt.Deg(s.Dec)}&radius=0.1", "neighbours within 0.1°"))
            .Append("</p>");
        body.Append(HtmlText.Facts([
            ("RA, Dec (deg)", Fmt.Deg(s.Ra) + ", " + Fmt.Deg(s.Dec)),
            ("RA, Dec (sexagesimal)", Fmt.RaHms(s.Ra) + " " + Fmt.DecDms(s.Dec)),
            ("Uncertainty EW, NS (″)", Fmt.G(s.ErrEw * 3600, 3) + ", " + Fmt.G(s.ErrNs * 3600, 3)),
            ("Datapoints", Fmt.Int(s.Datapoints)), ("Forced fits", Fmt.Int(s.ForcedFits)), ("Monitored", s.Monitored ? "yes" : "no"),
            ("First source", Fmt.Int(s.FirstSource)),
        ]));
        if (detail.Candidate is { } candidate)
        {
            body.Append("<h2>Transient candidate</h2>").Append(HtmlText.Facts(CandidateFacts(candidate, bands)));
            body.Append("<p>").Append(voevent?.Xml is not null
                ? HtmlText.Link($"{dataset.Path}/sources/{runcat}/voevent.xml", "Download the VOEvent (XML)", "voevent")
                : HtmlText.Encode(VoEventFile.Missing(candidate.Ivorn))).Append("</p>");
        }
        body.Append("<h2>Variability</h2>");
        if (detail.Variability is { } variability) body.Append(HtmlText.Facts(VariabilityFacts(variability, bands)));
        body.Append(Table.Html(FluxColumns(bands), detail.Fluxes, "fluxes"));
        body.Append("<h2>Postage stamps</h2>").Append(StampGallery.Render(dataset, s.Ra, s.Dec, Epochs(detail.Images, detail.History), bands));
        body.Append("<h2>Light curves</h2><p>")
            .Append(HtmlText.Link(request.WithQuery(("logflux", logFlux ? null : "1")), logFlux ? "linear flux axis" : "log flux axis")).Append("</p>");
        var series = detail.History.GroupBy(a => a.Band).OrderBy(g => g.Key).Select(band => new LightCurveSeries("Band " + bands.Label(band.Key),
            band.Select(a => new LightCurvePoint(a.Time, a.ExtractType, a.FInt, a.FIntErr, a.ImageId)).ToList(),
            detail.Images.Where(i => i.Before && i.Band == band.Key && i.RmsQc is not null)
                .Select(i => new DetectionLimit(i.Start, LightCurveChart.UpperLimitSigmas * i.RmsQc!.Value, i.ImageId)).ToList())).ToList();
        var time = TimeAxis.Covering([.. detail.History.Select(a => a.Time), .. series.SelectMany(b => b.Limits).Select(l => l.TimeUtc)]);
        var imagePrefix = $"{dataset.Path}/images/";
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
            .Append(Table.Html(historyColumns, detail.History, "history"));
        return PageRequest.Html(PageLayout.Render($"Source {runcat} of {dataset.Name}", body.ToString(), dataset, "/sources"));
    }

    private static List<(string, string)> CandidateFacts(CandidateRecord c, BandList bands) =>
    [
        ("Class", c.Class), ("Score", Fmt.G(c.Score)), ("Rule", c.Rule), ("Selected by", c.SelectedBy),
        ("Band", bands.Label(c.Band)), ("Trigger (UTC)", Fmt.Utc(c.Trigger)),
        ("η, V above the band's medians (σ)", $"{Fmt.G(c.EtaSigmas, 3)}, {Fmt.G(c.VSigmas, 3)}"),
        ("Points (forced fraction)", $"{Fmt.Int(c.Points)} ({Fmt.G(c.ForcedFraction, 2)})"),
        ("Peak f_int (Jy) at (UTC)", $"{Fmt.G(c.PeakFlux)} at {Fmt.Utc(c.PeakTime)}"), ("VOEvent IVORN", c.Ivorn),
    ];

    private static List<(string, string)> VariabilityFacts(VariabilityRecord v, BandList bands) =>
    [
        ("Band (varmetric)", bands.Label(v.Band)), ("η significance", Fmt.G(v.EtaSignificance)),
        ("Light curve max / avg / median (Jy)", $"{Fmt.G(v.Max)} / {Fmt.G(v.Avg)} / {Fmt.G(v.Median)}"),
        ("Largest two-epoch |Vs|, |m| (f_int)", $"{Fmt.G(v.VsMax)}, {Fmt.G(v.MMax)}"),
        ("New source", v.NewType switch { 0 => "type 0 (possible transient)", 1 => "type 1 (likely transient)", _ => "no" }),
        ("σ_rms_min, σ_rms_max", v.SigmaMin is null ? "" : $"{Fmt.G(v.SigmaMin)}, {Fmt.G(v.SigmaMax)}"),
    ];

    /// <summary>Each image's stamp epoch: the source's measurement there (its first, if several), or none before its first detection.</summary>
    private static List<StampEpoch> Epochs(IReadOnlyList<SourceImage> images, IReadOnlyList<Association> history)
    {
        var byImage = history.GroupBy(a => a.ImageId).ToDictionary(g => g.Key, g => g.First());
        return images.Select(i => byImage.TryGetValue(i.ImageId, out var a)
            ? new StampEpoch(i, ExtractKind.Of(a.ExtractType), a.FPeak)
            : new StampEpoch(i, null, null)).ToList();
    }
}
