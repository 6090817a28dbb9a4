using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>The dataset's transient candidates with their classification, best score first; filter by class.</summary>
public static class CandidatesPage
{
    private static Column<CandidateListRow>[] Columns(DatasetName dataset, BandList bands, IReadOnlyDictionary<long, (long ImageId, string Url)> peaks) =>
    [
        new("Source", r => Fmt.Int(r.Runcat), r => $"{dataset.Path}/sources/{r.Runcat}", true),
        new("At peak", r => peaks.TryGetValue(r.Runcat, out var p) ? Fmt.Int(p.ImageId) : "",
            Html: r => peaks.TryGetValue(r.Runcat, out var p) ? StampGallery.Thumbnail(dataset, r.Runcat, p.ImageId, p.Url, r.Ra, r.Dec) : "",
            Title: "postage stamp of the image of the peak flux (CSV: its image id)"),
        new("Class", r => r.Class, Sort: "class"), new("Score", r => Fmt.G(r.Score, 3), Numeric: true, Sort: "score"), new("Rule", r => r.Rule),
        new("Selected by", r => r.SelectedBy), new("Band", r => bands.Label(r.Band)),
        new("RA (deg)", r => Fmt.Deg(r.Ra), Numeric: true, Sort: "ra"), new("Dec (deg)", r => Fmt.Deg(r.Dec), Numeric: true, Sort: "dec"),
        new("Trigger (UTC)", r => Fmt.Utc(r.Trigger), Sort: "trigger"), new("Points", r => Fmt.Int(r.Points), Numeric: true, Sort: "points"),
        new("V_int", r => Fmt.G(r.V), Numeric: true, Sort: "v"), new("η_int", r => Fmt.G(r.Eta), Numeric: true, Sort: "eta"),
        new("η significance", r => Fmt.G(r.Significance), Numeric: true, Sort: "significance"),
        new("New source type", r => Fmt.OptionalInt(r.NewType), Numeric: true),
        new("Peak f_int (Jy)", r => Fmt.G(r.PeakFlux), Numeric: true, Sort: "peak"),
        new("SIMBAD", r => "SIMBAD", r => ExternalLinks.Simbad(r.Ra, r.Dec)),
        new("NED", r => "NED", r => ExternalLinks.Ned(r.Ra, r.Dec)),
        new("VizieR", r => "VizieR", r => ExternalLinks.Vizier(r.Ra, r.Dec)),
        new("TNS", r => "TNS", r => ExternalLinks.Tns(r.Ra, r.Dec)),
    ];

    private static Func<CandidateListRow, IComparable?> SortKey(string key) => key switch
    {
        "score" => r => r.Score, "trigger" => r => r.Trigger, "points" => r => r.Points, "v" => r => r.V, "eta" => r => r.Eta,
        "significance" => r => r.Significance, "peak" => r => r.PeakFlux, "ra" => r => r.Ra, "dec" => r => r.Dec, "class" => r => r.Class,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a sortable column of the candidates"),
    };

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var dataset = request.Dataset;
        var csv = request.Input.WantsCsv();
        var data = await request.ReadAsync(async q =>
        {
            var bands = await BandList.LoadAsync(q, dataset.Id);
            var classes = await CandidateList.ClassesAsync(q, dataset.Id);
            var chosen = request.Input.Choice("class", [.. classes, "all"]);
            var rows = await CandidateList.LoadAsync(q, dataset.Id, chosen == "all" ? null : chosen);
            var peaks = await PeakImages.LoadAsync(q, dataset.Id);
            return (Bands: bands, Classes: classes, Chosen: chosen, Rows: rows, Peaks: peaks);
        });
        var columns = Columns(dataset, data.Bands, data.Peaks);
        var sort = SortOrder.From(request.Input, columns);
        var rows = sort.Apply(data.Rows, SortKey).ToList();
        if (csv) return PageRequest.Csv($"dataset-{dataset.Id}-candidates.csv", Table.Csv(columns, rows));

        var body = new StringBuilder();
        body.Append(FormFields.Open(dataset.Path + "/candidates"))
            .Append(FormFields.Select("class", "Class", data.Chosen ?? "all", [("all", "all classes"), .. data.Classes.Select(c => (c, c))]))
            .Append(FormFields.Close());
        body.Append("<p class=\"note\">").Append(HtmlText.Encode($"{data.Rows.Count} candidates. ")).Append(HtmlText.Link(request.WithQuery(("format", "csv")), "CSV")).Append("</p>");
        body.Append(Table.Html(columns, rows, "candidates", sorting: (request, sort)));
        return PageRequest.Html(PageLayout.Render("Candidates of " + dataset.Name, body.ToString(), dataset, "/candidates"));
    }
}
