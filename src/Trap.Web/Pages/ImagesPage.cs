using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>A dataset's images in time order (or by a column) with their QC verdicts and rejection reasons; filters: accepted/rejected, band.</summary>
public static class ImagesPage
{
    private static Column<ImageListRow>[] Columns(DatasetName dataset, BandList bands) =>
    [
        new("Id", r => Fmt.Int(r.Id), r => $"{dataset.Path}/images/{r.Id}", true, Sort: "id"),
        new("Start (UTC)", r => Fmt.Utc(r.Start), Sort: "start"),
        new("Band", r => r.Band is { } band ? bands.Label(band) : "", Sort: "band"),
        new("Freq (MHz)", r => Fmt.Mhz(r.Freq), Numeric: true, Sort: "freq"),
        new("BW (MHz)", r => Fmt.Mhz(r.Bandwidth), Numeric: true, Sort: "bw"),
        new("Int. (s)", r => Fmt.G(r.Integration), Numeric: true, Sort: "integration"),
        new("RA (deg)", r => Fmt.Deg(r.Ra), Numeric: true, Sort: "ra"),
        new("Dec (deg)", r => Fmt.Deg(r.Dec), Numeric: true, Sort: "dec"),
        new("rms_qc (Jy)", r => Fmt.G(r.RmsQc), Numeric: true, Sort: "rmsqc"),
        new("rms_min (Jy)", r => Fmt.G(r.RmsMin), Numeric: true, Sort: "rmsmin"),
        new("rms_max (Jy)", r => Fmt.G(r.RmsMax), Numeric: true, Sort: "rmsmax"),
        new("Blind", r => Fmt.Int(r.Blind), Numeric: true, Title: "blind extractions", Sort: "blind"),
        new("Forced", r => Fmt.Int(r.Forced), Numeric: true, Title: "forced fits", Sort: "forced"),
        new("QC", r => r.Accepted ? "accepted" : "rejected", Sort: "qc"),
        new("Rejection reasons", r => r.Reasons),
        new("File", r => Path.GetFileName(r.Url)),
    ];

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var dataset = request.Dataset;
        var status = request.Input.Choice("status", ["all", "accepted", "rejected"]) ?? "all";
        var band = request.Input.Integer("band", 0, int.MaxValue);
        var page = request.Input.Page();
        var csv = request.Input.WantsCsv();
        var sort = SortOrder.From(request.Input, Columns(dataset, new BandList([])));
        bool? accepted = status switch { "accepted" => true, "rejected" => false, _ => null };
        var (bands, (rows, total)) = await request.ReadAsync(async q => (await BandList.LoadAsync(q, dataset.Id),
            await ImageList.LoadAsync(q, dataset.Id, accepted, band, sort.Key, sort.Descending, csv ? null : Pager.Size, csv ? 0 : Pager.Offset(page))));
        var columns = Columns(dataset, bands);
        if (csv) return PageRequest.Csv($"dataset-{dataset.Id}-images.csv", Table.Csv(columns, rows));

        var body = new StringBuilder();
        body.Append(FormFields.Open(dataset.Path + "/images"))
            .Append(FormFields.Select("status", "QC verdict", status, [("all", "all"), ("accepted", "accepted"), ("rejected", "rejected")]))
            .Append(FormFields.Select("band", "Band", band?.ToString(CultureInfo.InvariantCulture), bands.Options("all bands")))
            .Append(FormFields.Hidden("sort", sort.Key)).Append(FormFields.Hidden("dir", sort.Key is null ? null : sort.Descending ? "desc" : "asc"))
            .Append(FormFields.Close());
        body.Append(Pager.Render(request, page, rows.Count, total));
        body.Append(Table.Html(columns, rows, "images", r => r.Accepted ? null : "rejected", (request, sort)));
        return PageRequest.Html(PageLayout.Render("Images of " + dataset.Name, body.ToString(), dataset, "/images"));
    }
}
