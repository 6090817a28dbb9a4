using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>A dataset's overview: counts, processing times, frequency bands, sky regions and the stored job configuration.</summary>
public static class DatasetPage
{
    private static readonly Column<DatasetOverview.Band>[] BandColumns =
    [
        new("Band", b => Fmt.Int(b.Id), Numeric: true),
        new("Central (MHz)", b => Fmt.Mhz(b.Central), Numeric: true),
        new("Low (MHz)", b => Fmt.Mhz(b.Low), Numeric: true),
        new("High (MHz)", b => Fmt.Mhz(b.High), Numeric: true),
        new("Images", b => Fmt.Int(b.Images), Numeric: true),
    ];

    private static readonly Column<DatasetOverview.Region>[] RegionColumns =
    [
        new("Sky region", g => Fmt.Int(g.Id), Numeric: true),
        new("Centre RA (deg)", g => Fmt.Deg(g.Ra), Numeric: true),
        new("Centre Dec (deg)", g => Fmt.Deg(g.Dec), Numeric: true),
        new("Extraction radius (deg)", g => Fmt.G(g.Radius), Numeric: true),
        new("Images", g => Fmt.Int(g.Images), Numeric: true),
    ];

    private static readonly Column<DatasetOverview.Setting>[] ConfigColumns =
    [
        new("Section", s => s.Section), new("Key", s => s.Key), new("Value", s => s.Value), new("Type", s => s.Type),
    ];

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var dataset = request.Dataset;
        var overview = await request.ReadAsync(q => DatasetOverview.LoadAsync(q, dataset.Id));
        var path = dataset.Path;
        var body = new StringBuilder();
        body.Append("<p class=\"note\">").Append(HtmlText.Encode(overview.Description)).Append("</p>");
        body.Append("<div class=\"cards\">")
            .Append(Card("Images", overview.Images, path + "/images"))
            .Append(Card("Rejected images", overview.Rejected, path + "/images?status=rejected"))
            .Append(Card("Catalogue sources", overview.Catalogue, path + "/sources"))
            .Append(Card("Blind extractions", overview.Blind, null))
            .Append(Card("Forced fits", overview.Forced, null))
            .Append(Card("New sources", overview.NewSources, path + "/sources?new=1"))
            .Append(Card("Candidates", overview.Candidates, path + "/candidates"))
            .Append("</div>");
        body.Append(HtmlText.Facts([
            ("Dataset", dataset.Name), ("Dataset id", Fmt.Int(dataset.Id)), ("Processing started (UTC)", Fmt.Utc(overview.Start)), ("Processing ended (UTC)", Fmt.Utc(overview.End)),
            ("Run time", Fmt.Seconds(overview.End - overview.Start)), ("Engine", overview.Engine), ("Loaded into the database (UTC)", Fmt.Utc(overview.Loaded)),
        ]));
        body.Append("<h2>Frequency bands</h2>").Append(Table.Html(BandColumns, overview.Bands, "bands"));
        body.Append("<h2>Sky regions</h2>").Append(Table.Html(RegionColumns, overview.Regions, "skyregions"));
        body.Append("<h2>Job configuration</h2>").Append(Table.Html(ConfigColumns, overview.Config, "config"));
        return PageRequest.Html(PageLayout.Render(dataset.Name, body.ToString(), dataset, ""));
    }

    private static string Card(string label, long value, string? link)
    {
        var number = "<div class=\"value\">" + HtmlText.Encode(Fmt.Int(value)) + "</div><div class=\"label\">" + HtmlText.Encode(label) + "</div>";
        return "<div class=\"card\">" + (link is null ? number : "<a href=\"" + HtmlText.Encode(link) + "\">" + number + "</a>") + "</div>";
    }
}
