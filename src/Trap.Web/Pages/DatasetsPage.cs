using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>The front page: every dataset (pipeline run) in the catalogue, newest first, sortable by its columns.</summary>
public static class DatasetsPage
{
    private static readonly Column<DatasetListRow>[] Columns =
    [
        new("Id", r => Fmt.Int(r.Dataset.Id), r => r.Dataset.Path, true, Sort: "id"),
        new("Name", r => r.Dataset.Name, r => r.Dataset.Path, Sort: "name"),
        new("Description", r => r.Description),
        new("Images", r => Fmt.Int(r.Images), Numeric: true, Sort: "images"),
        new("Rejected", r => Fmt.Int(r.Rejected), Numeric: true, Sort: "rejected"),
        new("First image (UTC)", r => r.FirstImage is { } t ? Fmt.Utc(t) : "", Sort: "first"),
        new("Last image (UTC)", r => r.LastImage is { } t ? Fmt.Utc(t) : "", Sort: "last"),
        new("Processed (UTC)", r => Fmt.Utc(r.Start), Sort: "processed"),
        new("Run time", r => Fmt.Seconds(r.End - r.Start), Numeric: true, Sort: "runtime"),
        new("Engine", r => r.Engine, Sort: "engine"),
    ];

    private static Func<DatasetListRow, IComparable?> SortKey(string key) => key switch
    {
        "id" => r => r.Dataset.Id, "name" => r => r.Dataset.Name, "images" => r => r.Images, "rejected" => r => r.Rejected,
        "first" => r => r.FirstImage, "last" => r => r.LastImage, "processed" => r => r.Start, "runtime" => r => r.End - r.Start, "engine" => r => r.Engine,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a sortable column of the datasets"),
    };

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var csv = request.Input.WantsCsv();
        var sort = SortOrder.From(request.Input, Columns);
        var rows = sort.Apply(await request.ReadAsync(DatasetList.LoadAsync), SortKey).ToList();
        if (csv) return PageRequest.Csv("datasets.csv", Table.Csv(Columns, rows));
        var body = "<p class=\"note\">Each dataset is one run of a Trap job, addressed by its name. " +
                   HtmlText.Link(request.WithQuery(("format", "csv")), "CSV") + "</p>" + Table.Html(Columns, rows, "datasets", sorting: (request, sort));
        return PageRequest.Html(PageLayout.Render("Datasets", body));
    }
}
