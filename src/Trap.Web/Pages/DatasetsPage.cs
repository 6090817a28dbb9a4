using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>The front page: every dataset (pipeline run) in the database, newest first.</summary>
public static class DatasetsPage
{
    private sealed record Row(long Id, string Name, string Description, int Images, int Rejected, DateTime Start, DateTime End,
                              string Engine, DateTime? FirstImage, DateTime? LastImage);

    private const string Sql = """
        SELECT d.id, d.name, d.description, d.n_images, d.n_rejected, d.process_start_utc, d.process_end_utc, d.engine,
               t.first_utc, t.last_utc
        FROM dataset d
        LEFT JOIN LATERAL (SELECT min(start_utc) AS first_utc, max(start_utc) AS last_utc FROM image i WHERE i.dataset_id = d.id) t ON true
        ORDER BY d.id DESC
        """;

    private static readonly Column<Row>[] Columns =
    [
        new("Id", r => Fmt.Int(r.Id), r => "/datasets/" + r.Id, true),
        new("Name", r => r.Name, r => "/datasets/" + r.Id),
        new("Description", r => r.Description),
        new("Images", r => Fmt.Int(r.Images), Numeric: true),
        new("Rejected", r => Fmt.Int(r.Rejected), Numeric: true),
        new("First image (UTC)", r => r.FirstImage is { } t ? Fmt.Utc(t) : ""),
        new("Last image (UTC)", r => r.LastImage is { } t ? Fmt.Utc(t) : ""),
        new("Processed (UTC)", r => Fmt.Utc(r.Start)),
        new("Run time", r => Fmt.Seconds(r.End - r.Start), Numeric: true),
        new("Engine", r => r.Engine),
    ];

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var csv = request.Input.WantsCsv();
        var rows = await request.ReadAsync(q => q.ListAsync(Sql, r => new Row(
            r.Long("id"), r.Text("name"), r.Text("description"), r.Int("n_images"), r.Int("n_rejected"), r.Utc("process_start_utc"),
            r.Utc("process_end_utc"), r.Text("engine"), r.NullableUtc("first_utc"), r.NullableUtc("last_utc"))));
        if (csv) return PageRequest.Csv("datasets.csv", Table.Csv(Columns, rows));
        var body = "<p class=\"note\">Each dataset is one run of a Trap job. " +
                   HtmlText.Link(request.WithQuery(("format", "csv")), "CSV") + "</p>" + Table.Html(Columns, rows, "datasets");
        return PageRequest.Html(PageLayout.Render("Datasets", body));
    }
}
